import { afterGrant, afterRevoke } from '../../src/shared/domain/appointment';
import {
  caseResolutionOf,
  cosigned,
  councilLimits,
  partiesOf,
  sitsFor,
  statusAt,
  topicForCase,
  votePassed,
  type CouncilTopic,
} from '../../src/shared/domain/council';
import { DomainError } from '../../src/shared/domain/errors';
import type { OrgUnit, UserProfile } from '../../src/shared/domain/org';

const now = new Date('2026-12-05T08:00:00Z');
const person = (over: Partial<UserProfile> = {}): UserProfile => ({
  _id: 'p1',
  name: '叶文华',
  phone: '13900000000',
  roles: ['resident'],
  streetId: 's1',
  communityId: 'c1',
  gridId: 'g1',
  buildingId: 'b1',
  room: '101',
  birthYear: 1970,
  ...over,
});
const topic = (over: Partial<CouncilTopic> = {}): CouncilTopic => ({
  ...topicForCase({ _id: 'case-1', streetId: 's1', communityId: 'c1', categoryName: '物业服务', description: '暖气不热' }, person(), 't1', now),
  petitionId: null,
  ...over,
});
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return null;
};

describe('三方议事 rules', () => {
  it('a person speaks for the parties their roles and home give them', () => {
    expect(partiesOf(person())).toEqual(['resident']);
    expect(partiesOf(person({ roles: ['staff'], buildingId: null, room: null }))).toEqual(['community']);
    expect(partiesOf(person({ roles: ['resident', 'owners_committee'] }))).toEqual(['owners_committee', 'resident']);
    expect(partiesOf(person({ roles: ['property_rep'], buildingId: null, room: null }))).toEqual(['property']);
  });

  it('a 小区 seat sits on its 小区 and the whole community, not another 小区 nor another community', () => {
    const seat = person({ roles: ['owners_committee'], councilEstate: '梧桐苑' });
    expect(sitsFor(seat, 'owners_committee', topic({ estate: '梧桐苑' }))).toBe(true);
    expect(sitsFor(seat, 'owners_committee', topic({ estate: null }))).toBe(true);
    expect(sitsFor(seat, 'owners_committee', topic({ estate: '银杏苑' }))).toBe(false);
    expect(sitsFor(seat, 'owners_committee', topic({ communityId: 'c2' }))).toBe(false);
    expect(sitsFor(seat, 'property', topic())).toBe(false);
  });

  it('a residents’ topic opens with the last co-sign needed; never the raiser’s own, never twice', () => {
    let t = topic({ party: 'resident', status: 'gathering', raisedBy: 'r0' });
    expect(code(() => cosigned(t, person({ _id: 'r0' })))).toBe('COUNCIL_OWN_TOPIC');
    for (let i = 1; i < councilLimits.cosigns; i++) t = { ...t, ...cosigned(t, person({ _id: `r${i}` })) };
    expect(t.status).toBe('gathering');
    expect(code(() => cosigned(t, person({ _id: 'r1' })))).toBe('COUNCIL_ALREADY_COSIGNED');
    t = { ...t, ...cosigned(t, person({ _id: 'r9' })) };
    expect(t).toMatchObject({ status: 'open', cosignerIds: expect.arrayContaining(['r9']) });
    expect(code(() => cosigned(t, person({ _id: 'r10' })))).toBe('COUNCIL_ILLEGAL_STEP');
  });

  it('a vote reads closed (decided) from its deadline on; it passes when more than half of the homes that voted agree', () => {
    const vote = { question: '是否同意', deadline: new Date(now.getTime() + 1000), agree: 2, disagree: 1, abstain: 1 };
    expect(statusAt({ status: 'voting', vote }, now)).toBe('voting');
    expect(statusAt({ status: 'voting', vote }, new Date(now.getTime() + 1000))).toBe('decided');
    expect(votePassed(vote)).toBe(false);
    expect(votePassed({ ...vote, agree: 3 })).toBe(true);
    expect(votePassed({ agree: 0, disagree: 0, abstain: 0 })).toBe(false);
  });

  it('a case’s resolution is the decided topic’s decision, the vote’s result and who attended for 业委会 and 物业', () => {
    const minutes = { text: '纪要', decision: '物业本周内排查管道', by: 'sun', byName: '孙丽', at: now };
    const attendees = [
      { id: 'a', name: '孙丽', party: 'community' as const },
      { id: 'b', name: '叶文华', party: 'owners_committee' as const },
    ];
    const voting = topic({
      status: 'voting',
      minutes,
      attendees,
      vote: { question: 'q', deadline: new Date(now.getTime() + 1), agree: 3, disagree: 1, abstain: 0 },
    });
    expect(code(() => caseResolutionOf(voting, now))).toBe('COUNCIL_ILLEGAL_STEP');
    expect(caseResolutionOf(voting, new Date(now.getTime() + 1))).toEqual({
      text: '物业本周内排查管道（居民表决通过：同意 3 户、反对 1 户、弃权 0 户）',
      ownersCommittee: '叶文华',
      propertyCompany: '未到会',
    });
    expect(code(() => caseResolutionOf(topic({ status: 'scheduled' }), now))).toBe('COUNCIL_ILLEGAL_STEP');
  });

  it('an appointment keeps one seat: the 小区 set with the role, cleared with the last council role', () => {
    const community: OrgUnit = { _id: 'c1', kind: 'community', name: '梧桐社区', parentId: 's1', path: ['s1'] };
    const seated = afterGrant(person(), { role: 'owners_committee', unit: community, estate: '梧桐苑' });
    expect(seated).toMatchObject({ roles: ['resident', 'owners_committee'], councilEstate: '梧桐苑' });
    expect(code(() => afterGrant(seated, { role: 'property_rep', unit: community, estate: null }))).toBe('ROLE_PLACE_CONFLICT');
    const both = afterGrant(seated, { role: 'property_rep', unit: community, estate: '梧桐苑' });
    expect(afterRevoke(both, 'owners_committee').councilEstate).toBe('梧桐苑');
    expect(afterRevoke(afterRevoke(both, 'owners_committee'), 'property_rep').councilEstate).toBeUndefined();
    expect(code(() => afterGrant(person({ communityId: 'c2' }), { role: 'property_rep', unit: community, estate: null }))).toBe(
      'ROLE_PLACE_CONFLICT',
    );
  });

  it('a case’s topic is titled by its category and words, at most 30 characters', () => {
    const long = topicForCase(
      { _id: 'x', streetId: 's1', communityId: 'c1', categoryName: '物业服务', description: '一'.repeat(40) },
      person(),
      't2',
      now,
    );
    expect(Array.from(long.title)).toHaveLength(30);
    expect(long).toMatchObject({ party: 'community', status: 'open', petitionId: 'x' });
  });
});
