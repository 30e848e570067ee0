import { ok, useEmulator } from './call';
import { merchantKit } from './merchant-helpers';
import { admin, fang, li, merchant, sun, tang, wang, zhang } from './personas';
import { expectCovered } from './points-helpers';

const env = useEmulator();
const { call } = env;
const { giveVirtue, codeOf, charge, virtueOf } = merchantKit(env);

/** Stores a licence photo as `openid` the way the app uploads one; the marker bytes drive the emulator's image check. */
async function licence(openid: string, name: string, marker = ''): Promise<string> {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`licence ${name} ${marker}`)]);
  return (await env.emu.upload(openid, png, name)).fileID;
}

const form = { shopName: '李家小面', address: '梧桐社区5号楼底商2号', category: 'food', contact: '13800001002' };

describe('merchant onboarding', () => {
  it('apply → staff approve → the applicant is a merchant with a shop and its QR, and can charge', async () => {
    const application = ok(await call(li, 'merchant.apply', { ...form, licence: await licence(li, 'li') }, 'apply-li-0001')).application;
    expect(application).toMatchObject({ applicantName: '李明', shopName: '李家小面', status: 'pending', flagged: false });
    expect(application.licenceUrl).toMatch(/^http/);
    expect(await call(li, 'merchant.apply', { ...form, licence: await licence(li, 'li2') }, 'apply-li-0002')).toMatchObject({
      ok: false,
      code: 'MERCHANT_ALREADY_APPLIED',
    });
    const queue = ok(await call(sun, 'merchant.applications', {})).items;
    expect(queue.map((a: any) => a.applicantName)).toEqual(['唐卫东', '李明']);

    const decided = ok(await call(sun, 'merchant.review', { applicationId: application.id, approve: true }, 'review-li-0001'));
    expect(decided).toMatchObject({
      application: { status: 'approved' },
      shop: { name: '李家小面', status: 'active', points: 0, level: { stars: 1 } },
    });
    expect(decided.shop.qr).toBe(`LLSHOP.${decided.shop.id}`);
    expect(ok(await call(li, 'user.me')).roles).toEqual(['resident', 'merchant']);
    expect(ok(await call(li, 'merchant.mine'))).toMatchObject({ application: { status: 'approved' }, shop: { id: decided.shop.id, virtue: 0 } });
    expect(await call(sun, 'merchant.review', { applicationId: application.id, approve: false, reason: '改主意了' })).toMatchObject({
      ok: false,
      code: 'MERCHANT_APPLICATION_DECIDED',
    });

    await giveVirtue(wang, 30);
    expect(ok(await charge(li, await codeOf(wang), 10, '小面一碗')).charge.status).toBe('posted');
    await expectCovered(env.emu);
  });

  it('a rejection needs a reason and the applicant may apply again', async () => {
    const pending = ok(await call(tang, 'merchant.mine')).application;
    expect(pending).toMatchObject({ shopName: '唐记水果店', status: 'pending' });
    expect(await call(sun, 'merchant.review', { applicationId: pending.id, approve: false })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    ok(await call(sun, 'merchant.review', { applicationId: pending.id, approve: false, reason: '营业执照照片看不清' }, 'review-tang-01'));
    expect(ok(await call(tang, 'merchant.mine'))).toMatchObject({ application: { status: 'rejected', reason: '营业执照照片看不清' }, shop: null });
    expect(await call(tang, 'merchant.scan', { token: 'LL1.x.y.z0000000' })).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    const again = { shopName: '唐记水果店', address: '梧桐社区6号楼底商8号', category: 'fruit', contact: '13800005003' };
    expect(ok(await call(tang, 'merchant.apply', { ...again, licence: await licence(tang, 'tang') }, 'apply-tang-01')).application).toMatchObject({
      id: pending.id,
      status: 'pending',
      reason: null,
    });
    expect(ok(await call(sun, 'merchant.applications', { status: 'rejected' })).items).toEqual([]);
  });

  it('content security: a risky licence refuses the application, one for review is flagged to staff', async () => {
    expect(await call(wang, 'merchant.apply', { ...form, licence: await licence(wang, 'bad', 'LINLI-RISKY') }, 'apply-wang-01')).toMatchObject({
      ok: false,
      code: 'CONTENT_RISKY',
    });
    expect(ok(await call(wang, 'merchant.mine')).application).toBeNull();
    const flagged = ok(
      await call(wang, 'merchant.apply', { ...form, licence: await licence(wang, 'hmm', 'LINLI-REVIEW') }, 'apply-wang-02'),
    ).application;
    expect(flagged.flagged).toBe(true);
    expect(await call(merchant, 'merchant.apply', { ...form, licence: await licence(merchant, 'zhou') }, 'apply-zhou-01')).toMatchObject({
      ok: false,
      code: 'MERCHANT_ALREADY_APPLIED',
    });
  });

  it('a licence must be the applicant’s own upload and still exist; its link goes only to the applicant and reviewers', async () => {
    const lisLicence = await licence(li, 'li');
    const applied = ok(await call(li, 'merchant.apply', { ...form, licence: lisLicence }, 'apply-li-own1')).application;
    expect(await call(wang, 'merchant.apply', { ...form, licence: lisLicence }, 'apply-wang-theft')).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
      message: '只能使用你自己上传的照片，请重新上传',
    });
    expect(ok(await call(wang, 'merchant.mine')).application).toBeNull();
    const missing = lisLicence.replace(/li-[0-9a-f]+\.png$/, 'li-never.png');
    expect(await call(li, 'merchant.apply', { ...form, licence: missing }, 'apply-li-miss1')).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
      message: '照片不存在或已过期，请重新上传',
    });
    expect(ok(await call(li, 'merchant.mine')).application.licenceUrl).toMatch(/^http/);
    expect(ok(await call(sun, 'merchant.applications', {})).items.find((a: any) => a.id === applied.id).licenceUrl).toMatch(/^http/);
    expect(await call(wang, 'merchant.applications', {})).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
  });

  it('the street admin reviews too; no one else may', async () => {
    const pending = ok(await call(tang, 'merchant.mine')).application;
    expect(ok(await call(admin, 'merchant.applications', {})).items.map((a: any) => a.id)).toEqual([pending.id]);
    expect(await call(zhang, 'merchant.review', { applicationId: pending.id, approve: true })).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
    expect(await call(sun, 'merchant.review', { applicationId: 'app-nope', approve: true })).toMatchObject({
      ok: false,
      code: 'MERCHANT_APPLICATION_NOT_FOUND',
    });
    expect(ok(await call(admin, 'merchant.review', { applicationId: pending.id, approve: true }, 'review-admin-1')).shop.name).toBe('唐记水果店');
  });
});

describe('suspension', () => {
  it('a suspended merchant can do nothing until the staff resume the shop', async () => {
    await giveVirtue(wang, 100);
    const token = await codeOf(wang);
    const done = ok(await charge(merchant, await codeOf(wang), 10)).charge;
    const suspended = ok(await call(sun, 'merchant.suspend', { shopId: 'shop-zhouji', reason: '多次被投诉短斤少两' }, 'suspend-0001')).shop;
    expect(suspended).toMatchObject({ status: 'suspended', suspendReason: '多次被投诉短斤少两' });
    const refused = { ok: false, code: 'MERCHANT_SUSPENDED' };
    expect(await call(merchant, 'merchant.scan', { token })).toMatchObject(refused);
    expect(await charge(merchant, token, 10)).toMatchObject(refused);
    expect(await call(merchant, 'merchant.verifyLevel', { token })).toMatchObject(refused);
    expect(await call(merchant, 'merchant.refund', { chargeId: done.id, reason: '退货' })).toMatchObject(refused);
    expect(await call(merchant, 'merchant.history')).toMatchObject(refused);
    expect(await call(wang, 'shop.get', { shopId: 'shop-zhouji' })).toMatchObject({ ok: false, code: 'SHOP_NOT_FOUND' });
    expect(ok(await call(merchant, 'merchant.mine')).shop).toMatchObject({ status: 'suspended' });
    expect(ok(await charge(fang, token, 10)).charge.status).toBe('posted');

    ok(await call(sun, 'merchant.suspend', { shopId: 'shop-zhouji', suspend: false, reason: '已整改' }, 'resume-0001'));
    expect(ok(await charge(merchant, await codeOf(wang), 10)).charge.status).toBe('posted');
    expect(await virtueOf(wang)).toBe(70);
  });

  it('a shop suspended before its first charge is refused too, and charges again once resumed', async () => {
    await giveVirtue(wang, 100);
    ok(await call(sun, 'merchant.suspend', { shopId: 'shop-fangji', reason: '证照过期' }, 'suspend-first-01'));
    const refused = { ok: false, code: 'MERCHANT_SUSPENDED' };
    expect(await charge(fang, await codeOf(wang), 10)).toMatchObject(refused);
    expect(await call(fang, 'merchant.history')).toMatchObject(refused);
    ok(await call(sun, 'merchant.suspend', { shopId: 'shop-fangji', suspend: false, reason: '已换证' }, 'resume-first-01'));
    expect(ok(await charge(fang, await codeOf(wang), 10)).charge.status).toBe('posted');
    ok(await call(sun, 'merchant.suspend', { shopId: 'shop-fangji', reason: '再次被投诉' }, 'suspend-again-01'));
    expect(await charge(fang, await codeOf(wang), 10)).toMatchObject(refused);
    expect(ok(await call(sun, 'merchant.suspend', { shopId: 'shop-fangji', reason: '再次被投诉' }, 'suspend-again-01')).shop.status).toBe(
      'suspended',
    );
    expect(await virtueOf(wang)).toBe(90);
  });
});
