import { ok, useEmulator } from './call';
import { file } from './petition-fixtures';
import { feng, he, li, liu, luo, qian, sun, wang, xu, zhang, zhao } from './personas';

const env = useEmulator();
const { call } = env;

const refused = (reply: any, code: string) => expect(reply).toMatchObject({ ok: false, code });
const accept = (who: string, id: string) => call(who, 'petition.accept', { petitionId: id });

/** A ramp case carried up to the department the street summoned (区住建局), waiting for it to report. */
async function atHousing(): Promise<string> {
  const id = await file(call);
  ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '网格办不了' }));
  ok(await call(sun, 'petition.escalate', { petitionId: id, reason: '社区办不了' }));
  ok(await call(qian, 'petition.summon', { petitionId: id, departmentId: 'dept-housing', reason: '请住建局维修' }));
  return id;
}

describe('authorisation per level', () => {
  it('at the grid: only its own grid worker acts; others on the ladder are told where it is', async () => {
    const id = await file(call);
    refused(await accept(zhao, id), 'FORBIDDEN_SCOPE');
    refused(await call(he, 'petition.report', { petitionId: id }), 'FORBIDDEN_SCOPE');
    refused(await accept(sun, id), 'PETITION_NOT_HOLDER');
    refused(await accept(qian, id), 'PETITION_NOT_HOLDER');
    refused(await accept(luo, id), 'PETITION_NOT_HOLDER');
    refused(await accept(wang, id), 'FORBIDDEN_ROLE');
    ok(await accept(liu, id));
    expect(ok(await call(zhao, 'petition.listQueue')).items).toEqual([]);
    expect(ok(await call(sun, 'petition.listQueue')).items).toEqual([]);
    expect(ok(await call(liu, 'petition.listQueue'))).toMatchObject({ level: 'grid', unitName: '第一网格', items: [{ id }] });
  });

  it('community staff vs street staff: each acts at their own level only', async () => {
    const id = await file(call);
    ok(await call(liu, 'petition.escalate', { petitionId: id, reason: '网格办不了' }));
    refused(await accept(liu, id), 'PETITION_NOT_HOLDER');
    refused(await accept(qian, id), 'PETITION_NOT_HOLDER');
    ok(await accept(sun, id));
    ok(await call(sun, 'petition.escalate', { petitionId: id, reason: '社区办不了' }));
    refused(await call(sun, 'petition.resolve', { petitionId: id, feedback: '已经处理好了' }), 'PETITION_NOT_HOLDER');
    refused(await call(qian, 'petition.summon', { petitionId: id, departmentId: 'dept-nowhere', reason: '请处理' }), 'DEPARTMENT_NOT_FOUND');
    expect(ok(await call(qian, 'petition.listQueue'))).toMatchObject({ level: 'street', unitName: '青石街道', items: [{ id }] });
  });

  it('department staff: only the summoned department reports, and it reports rather than accepts', async () => {
    const id = await atHousing();
    refused(await call(xu, 'petition.report', { petitionId: id }), 'FORBIDDEN_SCOPE');
    refused(await call(feng, 'petition.report', { petitionId: id }), 'FORBIDDEN_SCOPE');
    refused(await accept(qian, id), 'PETITION_NOT_HOLDER');
    refused(await accept(he, id), 'FORBIDDEN_ROLE');
    expect(ok(await call(xu, 'petition.listQueue')).items).toEqual([]);
    expect(ok(await call(he, 'petition.listQueue'))).toMatchObject({ level: 'department', unitName: '区住建局', items: [{ id }] });
    expect(ok(await call(he, 'petition.report', { petitionId: id })).petition).toMatchObject({
      status: 'accepted',
      holder: { handlerName: '何建华' },
    });
  });

  it('each level acts in its own role: above the community there is no community work, and the district is the top', async () => {
    refused(await call(qian, 'wish.listQueue'), 'FORBIDDEN_ROLE');
    refused(await call(he, 'points.award', { openid: wang, asset: 'virtue', amount: 5, reason: '测试' }, 'award-by-dept-1'), 'FORBIDDEN_ROLE');
    refused(await call(qian, 'petition.listQueue', { level: 'community' }), 'FORBIDDEN_SCOPE');
    refused(await call(qian, 'petition.convene', { petitionId: 'x' }), 'FORBIDDEN_ROLE');
    refused(await call(sun, 'petition.summon', { petitionId: 'x', departmentId: 'dept-housing', reason: '请住建局' }), 'FORBIDDEN_ROLE');
    refused(await call(luo, 'petition.escalate', { petitionId: 'x', reason: '再往上报' }), 'FORBIDDEN_ROLE');
  });

  it('the reporter’s contacts are for the levels the case reached; neighbours see 王**', async () => {
    const id = await atHousing();
    for (const who of [liu, sun, qian, he]) {
      expect(ok(await call(who, 'petition.get', { petitionId: id })).petition.reporter).toMatchObject({ name: '王秀英', phone: '13800001001' });
    }
    for (const who of [li, zhang, zhao]) {
      expect(ok(await call(who, 'petition.get', { petitionId: id })).petition.reporter).toMatchObject({ name: '王**', phone: null, room: null });
    }
    refused(await call(xu, 'petition.get', { petitionId: id }), 'PETITION_NOT_FOUND');
    expect(ok(await call(zhang, 'petition.get', { petitionId: id })).petition.timeline[0].by).toBe('王**');
  });
});

describe('retries with a requestId have one effect', () => {
  it('a retried escalation climbs one level, a retried acceptance records one step', async () => {
    const id = await file(call);
    const first = ok(await call(liu, 'petition.accept', { petitionId: id }, 'accept-ramp-001'));
    expect(ok(await call(liu, 'petition.accept', { petitionId: id }, 'accept-ramp-001'))).toEqual(first);
    const up = () => call(liu, 'petition.escalate', { petitionId: id, reason: '网格办不了' }, 'escalate-ramp-01');
    // A twin still in flight is told so (and may retry); once done, every retry gets the first reply.
    for (const reply of await Promise.all([up(), up()])) if (!reply.ok) expect(reply.code).toBe('REQUEST_IN_PROGRESS');
    expect(await up()).toMatchObject({ ok: true, data: { petition: { level: 'community' } } });
    const p = ok(await call(wang, 'petition.get', { petitionId: id })).petition;
    expect(p.level).toBe('community');
    expect(p.timeline.map((s: any) => s.event)).toEqual(['create', 'accept', 'escalate']);
    // Long after, with the case moved on, the acceptance retried still gets its own first reply.
    expect(ok(await call(liu, 'petition.accept', { petitionId: id }, 'accept-ramp-001'))).toEqual(first);
  });

  it('two handlers racing on one case: the second is refused, nothing is applied twice', async () => {
    const id = await file(call);
    const [a, b] = await Promise.all([
      call(liu, 'petition.escalate', { petitionId: id, reason: '网格办不了' }),
      call(liu, 'petition.dismiss', { petitionId: id, reason: '重复诉求' }),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)?.code).toMatch(/PETITION_ILLEGAL_MOVE|PETITION_NOT_HOLDER/);
    expect(ok(await call(wang, 'petition.get', { petitionId: id })).petition.timeline).toHaveLength(2);
    expect((await env.emu.meter()).flatMap((r) => r.uncovered)).toEqual([]);
  });
});
