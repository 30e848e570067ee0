// 三方议事 (华阴, 宛城, 卧龙 "三方联席会议"): the community, the owners' committee (业委会) and the property company
// (物业) meet on a topic; where the decision needs residents' consent each household votes once.
import { DomainError } from './errors';
import type { UserProfile } from './org';

/** Who raised a topic: one of the three parties, or residents (with co-signs, like a petition's 我也遇到). */
export const councilParties = ['community', 'owners_committee', 'property', 'resident'] as const;
export type CouncilParty = (typeof councilParties)[number];
export const councilPartyLabels: Record<CouncilParty, string> = {
  community: '社区',
  owners_committee: '业委会',
  property: '物业',
  resident: '居民',
};

/**
 * `gathering` (居民议题 collecting co-signs) → `open` (待安排) → `scheduled` (会议已安排) → `voting` (居民表决中,
 * until its deadline) or `decided` (已议定). A vote past its deadline reads as decided (statusAt): no timer closes it.
 */
export const topicStatuses = ['gathering', 'open', 'scheduled', 'voting', 'decided'] as const;
export type TopicStatus = (typeof topicStatuses)[number];
export const topicStatusLabels: Record<TopicStatus, string> = {
  gathering: '征集联名',
  open: '待安排会议',
  scheduled: '已安排会议',
  voting: '居民表决中',
  decided: '已议定',
};

export const voteChoices = ['agree', 'disagree', 'abstain'] as const;
export type VoteChoice = (typeof voteChoices)[number];
export const voteChoiceLabels: Record<VoteChoice, string> = { agree: '同意', disagree: '反对', abstain: '弃权' };

export const councilLimits = {
  /** Co-signs (besides the raiser) a residents' topic needs before it goes on the council's list. */
  cosigns: 5,
  /** Follow-up tasks one decision makes; each shows in its owner's list. */
  tasks: 8,
  attendees: 30,
  agenda: 8,
  /** The longest a household vote may stay open. */
  voteDays: 30,
} as const;

export interface CouncilMeeting {
  at: Date;
  place: string;
  agenda: string[];
  by: string;
  byName: string;
}

export interface CouncilAttendee {
  id: string;
  name: string;
  party: CouncilParty;
}

export interface CouncilTask {
  id: string;
  title: string;
  ownerId: string;
  ownerName: string;
  deadline: Date;
  status: 'open' | 'done';
  doneAt: Date | null;
  note: string | null;
}

export interface CouncilVote {
  question: string;
  deadline: Date;
  agree: number;
  disagree: number;
  abstain: number;
}

/** One topic of 三方议事, with its meeting, minutes, vote tally and follow-up tasks (all bounded: see councilLimits). */
export interface CouncilTopic {
  _id: string;
  streetId: string;
  communityId: string;
  /** The 小区 it concerns (by name); null: the whole community. */
  estate: string | null;
  title: string;
  body: string;
  party: CouncilParty;
  raisedBy: string;
  raisedByName: string;
  raisedAt: Date;
  cosignerIds: string[];
  /** The case (微诉求) a community took to council (petition.convene): the decision decides it. */
  petitionId: string | null;
  status: TopicStatus;
  meeting: CouncilMeeting | null;
  attendees: CouncilAttendee[];
  minutes: { text: string; decision: string; by: string; byName: string; at: Date } | null;
  vote: CouncilVote | null;
  tasks: CouncilTask[];
  /** The owners of open and done tasks: the query of 我的议事任务 (index council_topics taskOwnerIds + raisedAt). */
  taskOwnerIds: string[];
  updatedAt: Date;
}

/** One household's vote on one topic: `_id` is `<topicId>~<householdId>`, so a household has one whoever votes. */
export interface CouncilBallot {
  _id: string;
  topicId: string;
  communityId: string;
  householdId: string;
  choice: VoteChoice;
  voterId: string;
  at: Date;
  /** The call that cast it: its retry finds the ballot and answers from it. */
  requestId: string | null;
}

export const ballotIdOf = (topicId: string, householdId: string) => `${topicId}~${householdId}`;

type Person = Pick<UserProfile, '_id' | 'roles' | 'communityId' | 'buildingId' | 'room' | 'councilEstate'>;

/** The parties a person may speak for: their community's staff, an appointed 业委会 or 物业 seat, a resident at home. */
export function partiesOf(user: Person): CouncilParty[] {
  const parties: CouncilParty[] = [];
  if (user.roles.includes('staff')) parties.push('community');
  if (user.roles.includes('owners_committee')) parties.push('owners_committee');
  if (user.roles.includes('property_rep')) parties.push('property');
  if (user.buildingId && user.room) parties.push('resident');
  return parties;
}

/**
 * Whether `user` sits in the council of `topic` for `party`: its community; a seat for one 小区 sits on that 小区's
 * topics and the whole community's, not another 小区's.
 */
export function sitsFor(user: Person, party: CouncilParty, topic: Pick<CouncilTopic, 'communityId' | 'estate'>): boolean {
  if (user.communityId !== topic.communityId || !partiesOf(user).includes(party)) return false;
  if (party === 'owners_committee' || party === 'property') return !user.councilEstate || !topic.estate || user.councilEstate === topic.estate;
  return true;
}

/** Whether `user` is one of the three parties of the topic's council (any of them). */
export function sitsInCouncil(user: Person, topic: Pick<CouncilTopic, 'communityId' | 'estate'>): boolean {
  return (['community', 'owners_committee', 'property'] as const).some((p) => sitsFor(user, p, topic));
}

/** A new topic as it is first written (app 提出议题 or a case taken to council): no meeting, minutes, vote or tasks yet. */
export function newTopic(
  fields: Pick<CouncilTopic, '_id' | 'streetId' | 'communityId' | 'estate' | 'title' | 'body' | 'party' | 'petitionId' | 'status'>,
  by: { _id: string; name: string },
  now: Date,
): CouncilTopic {
  return {
    ...fields,
    raisedBy: by._id,
    raisedByName: by.name,
    raisedAt: now,
    cosignerIds: [],
    meeting: null,
    attendees: [],
    minutes: null,
    vote: null,
    tasks: [],
    taskOwnerIds: [],
    updatedAt: now,
  };
}

/**
 * The topic a community raises when it takes a case (微诉求) to council (petition.convene): on the council's list at
 * once, linked to the case, whose resolution its decision becomes (petition.decide).
 */
export function topicForCase(
  p: { _id: string; streetId: string; communityId: string; categoryName: string; description: string },
  by: { _id: string; name: string },
  id: string,
  now: Date,
): CouncilTopic {
  const title = `${p.categoryName}：${p.description}`;
  const short = Array.from(title).length > 30 ? `${Array.from(title).slice(0, 29).join('')}…` : title;
  return newTopic(
    {
      _id: id,
      streetId: p.streetId,
      communityId: p.communityId,
      estate: null,
      title: short,
      body: p.description,
      party: 'community',
      petitionId: p._id,
      status: 'open',
    },
    by,
    now,
  );
}

/**
 * What a decided topic says as a case's resolution: the decision, and the household vote's result where there was
 * one; the 业委会 and 物业 by who attended for them. Refused until the topic is decided (minutes out, vote closed).
 */
export function caseResolutionOf(topic: CouncilTopic, now: Date): { text: string; ownersCommittee: string; propertyCompany: string } {
  if (!topic.minutes || statusAt(topic, now) !== 'decided') {
    throw new DomainError('COUNCIL_ILLEGAL_STEP', '议题还没有议定（纪要未发布，或居民表决未截止）');
  }
  const v = topic.vote;
  const vote = v ? `（居民表决${votePassed(v) ? '通过' : '未通过'}：同意 ${v.agree} 户、反对 ${v.disagree} 户、弃权 ${v.abstain} 户）` : '';
  const names = (party: CouncilParty) =>
    topic.attendees
      .filter((a) => a.party === party)
      .map((a) => a.name)
      .join('、') || '未到会';
  return { text: `${topic.minutes.decision}${vote}`, ownersCommittee: names('owners_committee'), propertyCompany: names('property') };
}

/** The status as of `now`: a vote whose deadline passed is closed, and the topic decided. */
export function statusAt(topic: Pick<CouncilTopic, 'status' | 'vote'>, now: Date): TopicStatus {
  if (topic.status === 'voting' && topic.vote && now.getTime() >= new Date(topic.vote.deadline).getTime()) return 'decided';
  return topic.status;
}

/** The residents' consent: more households agree than half of those who voted (弃权 counts as voted). */
export function votePassed(vote: Pick<CouncilVote, 'agree' | 'disagree' | 'abstain'>): boolean {
  const cast = vote.agree + vote.disagree + vote.abstain;
  return cast > 0 && vote.agree * 2 > cast;
}

/** A new topic's first status: a residents' topic first gathers co-signs. */
export function firstStatus(party: CouncilParty): TopicStatus {
  return party === 'resident' ? 'gathering' : 'open';
}

/** 联名: one more resident joins a residents' topic; the last one needed puts it on the council's list. */
export function cosigned(topic: CouncilTopic, user: Person): Pick<CouncilTopic, 'cosignerIds' | 'status'> {
  if (topic.status !== 'gathering') throw new DomainError('COUNCIL_ILLEGAL_STEP', '这个议题已不需要联名');
  if (topic.raisedBy === user._id) throw new DomainError('COUNCIL_OWN_TOPIC');
  if (topic.cosignerIds.includes(user._id)) throw new DomainError('COUNCIL_ALREADY_COSIGNED');
  const cosignerIds = [...topic.cosignerIds, user._id];
  return { cosignerIds, status: cosignerIds.length >= councilLimits.cosigns ? 'open' : 'gathering' };
}

/** 安排会议: an open topic (or one already scheduled, to move the meeting) gets a date, a place and an agenda. */
export function assertSchedulable(topic: Pick<CouncilTopic, 'status'>, at: Date, now: Date): void {
  if (topic.status !== 'open' && topic.status !== 'scheduled')
    throw new DomainError('COUNCIL_ILLEGAL_STEP', '只有待安排或已安排会议的议题可以安排会议');
  if (at.getTime() <= now.getTime()) throw new DomainError('COUNCIL_ILLEGAL_STEP', '会议时间须晚于现在');
}

/** 会议纪要: minutes are published for a scheduled meeting once; a vote, if any, closes within councilLimits.voteDays. */
export function assertMinutesAllowed(topic: Pick<CouncilTopic, 'status'>, voteDeadline: Date | null, now: Date): void {
  if (topic.status !== 'scheduled') throw new DomainError('COUNCIL_ILLEGAL_STEP', '先安排会议，会后再发布纪要');
  if (!voteDeadline) return;
  const ms = voteDeadline.getTime() - now.getTime();
  if (ms <= 0 || ms > councilLimits.voteDays * 86_400_000) {
    throw new DomainError('COUNCIL_ILLEGAL_STEP', `表决截止时间须在今后 ${councilLimits.voteDays} 天内`);
  }
}

/** Whether a household vote is open on `topic` at `now`. */
export function assertVoteOpen(topic: Pick<CouncilTopic, 'status' | 'vote'>, now: Date): CouncilVote {
  if (!topic.vote || topic.status !== 'voting') throw new DomainError('COUNCIL_NO_VOTE');
  if (statusAt(topic, now) !== 'voting') throw new DomainError('COUNCIL_VOTE_CLOSED');
  return topic.vote;
}
