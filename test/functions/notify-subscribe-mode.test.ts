import { newWish, ok, useEmulator } from './call';
import { databaseOf } from './ledger-fixture';
import { admin, li, liu, wang, zhao } from './personas';

// 长期订阅 (issue 14): where the account's 政务民生 category allows it (the district admin's setting), staff consent
// to their work notices once and for good (a `longTerm` grant, never spent); otherwise one notice per consent.
const env = useEmulator();
const { call } = env;
const district = 'o-district-admin';

async function addDistrictAdmin() {
  await databaseOf(env.emu)
    .collection('users')
    .add({
      data: {
        _id: district,
        name: '区管理员',
        phone: '13900009002',
        roles: ['admin'],
        adminScope: 'district',
        streetId: '',
        communityId: '',
        gridId: null,
        buildingId: null,
        room: null,
        birthYear: 1980,
      },
    });
}

const grantOf = async (openid: string, templateId: string) =>
  (await databaseOf(env.emu).collection('subscriptions').doc(`${openid}:${templateId}`).get()).data as any;
const sentTo = async (openid: string) => ((await env.emu.outbox()) as any[]).filter((m) => m.touser === openid);

/**
 * The grid worker starts without any consent to the new-wish notice, consents once on a tap, then two wishes of
 * a resident of their grid arrive. (Each test uses its own grid worker: a function instance keeps a long-term
 * grant it has read in mind for a minute, outbox.ts.)
 */
async function consentsThenTwoWishes(worker: string, resident: string) {
  await databaseOf(env.emu).collection('subscriptions').doc(`${worker}:wish-submitted`).remove();
  ok(await call(worker, 'notify.subscribe', { accepted: ['wish-submitted', 'wish-progress'] }, `mode-sub-${worker}`));
  ok(await call(resident, 'wish.create', newWish, `mode-wish-1-${resident}`));
  ok(await call(resident, 'wish.create', { ...newWish, title: '帮忙修水龙头' }, `mode-wish-2-${resident}`));
  await env.emu.fireTrigger('notify', 'inbox');
}

describe('staff work notices: long-term or one-time consent', () => {
  it('long-term (the demo account): staff consent once and every work notice reaches them', async () => {
    expect(ok(await call(liu, 'notify.templates'))).toMatchObject({ staffLongTerm: true, staffKeys: expect.arrayContaining(['petitionAssigned']) });
    await consentsThenTwoWishes(liu, wang);
    expect(await grantOf(liu, 'wish-submitted')).toMatchObject({ longTerm: true });
    // A template that is not staff work stays one-time, even for staff.
    expect(await grantOf(liu, 'wish-progress')).toMatchObject({ longTerm: false, remaining: 1 });
    expect(await sentTo(liu)).toHaveLength(2);
    // A resident's consent is one-time whatever the setting.
    ok(await call(wang, 'notify.subscribe', { accepted: ['wish-submitted'] }, 'mode-sub-2'));
    expect(await grantOf(wang, 'wish-submitted')).toMatchObject({ longTerm: false, remaining: 1 });
  });

  it('one-time: the district admin turns it off; a staff consent is one send, the in-app list still has both', async () => {
    await addDistrictAdmin();
    // A street admin may not: the account's category is the whole deployment's.
    expect(await call(admin, 'notify.setSubscribeMode', { staffLongTerm: false }, 'mode-set-0')).toMatchObject({
      ok: false,
      code: 'DISTRICT_SETTING',
    });
    expect(await call(liu, 'notify.setSubscribeMode', { staffLongTerm: false }, 'mode-set-1')).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(ok(await call(district, 'notify.setSubscribeMode', { staffLongTerm: false }, 'mode-set-2'))).toEqual({ staffLongTerm: false });
    expect(ok(await call(liu, 'notify.templates'))).toMatchObject({ staffLongTerm: false });

    await consentsThenTwoWishes(zhao, li);
    expect(await grantOf(zhao, 'wish-submitted')).toMatchObject({ longTerm: false, remaining: 0 });
    expect(await sentTo(zhao)).toHaveLength(1);
    expect(ok(await call(zhao, 'notify.messages', {})).items.filter((m: any) => m.title === '新心愿待审核')).toHaveLength(2);

    // And on again.
    expect(ok(await call(district, 'notify.setSubscribeMode', { staffLongTerm: true }, 'mode-set-3'))).toEqual({ staffLongTerm: true });
    expect(ok(await call(liu, 'notify.templates'))).toMatchObject({ staffLongTerm: true });
  });
});
