import { DomainError } from '../../src/shared/domain/errors';
import {
  ballotIdOf,
  councilLimits,
  statusAt,
  votePassed,
  type CouncilBallot,
  type CouncilTask,
  type CouncilTopic,
} from '../../src/shared/domain/council';
import type { UserProfile } from '../../src/shared/domain/org';
import { councilRaiser, listed, nameFor } from '../../src/shared/domain/privacy';
import { householdIdOf } from '../_lib/platform/care-events';
import { collections } from '../_lib/platform/runtime';
import type { RetryRecord, TransactOptions } from '../_lib/platform/transact';
import { table, tableIn, type Tx } from '../_lib/platform/typed-db';

export const topics = () => table(collections.councilTopics);
export const topicsIn = (tx: Tx) => tableIn(tx, collections.councilTopics);
export const ballots = () => table(collections.councilBallots);
export const ballotsIn = (tx: Tx) => tableIn(tx, collections.councilBallots);

const iso = (d: Date) => new Date(d).toISOString();

/** The household a person votes for: their registered home (building + room) in their community; null without one. */
export function homeOf(user: Pick<UserProfile, 'communityId' | 'buildingId' | 'room'>): string | null {
  return user.buildingId && user.room ? householdIdOf(user.communityId, user.buildingId, user.room) : null;
}

/** A topic of the caller's own community, read in `tx` (another community's topic is not found). */
export async function topicIn(tx: Tx, topicId: string, user: UserProfile): Promise<CouncilTopic> {
  const topic = await topicsIn(tx).get(topicId);
  if (!topic || topic.communityId !== user.communityId) throw new DomainError('COUNCIL_TOPIC_NOT_FOUND');
  return topic;
}

/** Staff of the topic's community run its meeting, but never a topic they raised themselves as a resident (回避). */
export function runsTopic(user: UserProfile, topic: Pick<CouncilTopic, 'communityId' | 'party' | 'raisedBy'>): boolean {
  const staff = user.roles.includes('staff') && user.communityId === topic.communityId;
  return staff && !(topic.party === 'resident' && topic.raisedBy === user._id);
}

function taskView(t: CouncilTask, viewer: UserProfile, now: Date) {
  return {
    id: t.id,
    title: t.title,
    ownerName: nameFor(t.ownerName, listed),
    deadline: iso(t.deadline),
    status: t.status,
    doneAt: t.doneAt ? iso(t.doneAt) : null,
    note: t.note,
    mine: t.ownerId === viewer._id,
    overdue: t.status === 'open' && now.getTime() > new Date(t.deadline).getTime(),
  };
}

/**
 * A resident who raised a topic is known by surname (王**) to everyone but themself and the community's staff; the
 * three parties' people speak for their seat, by name.
 */
function raiserName(t: CouncilTopic, viewer: UserProfile): string {
  return nameFor(t.raisedByName, t.party === 'resident' ? councilRaiser(viewer, t) : listed);
}

export function summaryView(t: CouncilTopic, viewer: UserProfile, now = new Date(), onlyMine = false) {
  return {
    id: t._id,
    title: t.title,
    estate: t.estate,
    party: t.party,
    raisedByName: raiserName(t, viewer),
    raisedAt: iso(t.raisedAt),
    status: statusAt(t, now),
    cosigns: t.cosignerIds.length,
    cosignsNeeded: t.party === 'resident' ? councilLimits.cosigns : 0,
    meeting: t.meeting ? { at: iso(t.meeting.at), place: t.meeting.place, agenda: t.meeting.agenda, byName: t.meeting.byName } : null,
    tasks: t.tasks.filter((task) => !onlyMine || task.ownerId === viewer._id).map((task) => taskView(task, viewer, now)),
  };
}

/** The topic page: the viewer's household's ballot (if read) says whether and how their home voted. */
export function topicView(t: CouncilTopic, viewer: UserProfile, ballot: CouncilBallot | null, now = new Date()) {
  const status = statusAt(t, now);
  return {
    ...summaryView(t, viewer, now),
    body: t.body,
    cosignedByMe: t.cosignerIds.includes(viewer._id),
    raisedByMe: t.raisedBy === viewer._id,
    petitionId: t.petitionId,
    attendees: t.attendees.map((a) => ({ name: nameFor(a.name, listed), party: a.party })),
    minutes: t.minutes ? { text: t.minutes.text, decision: t.minutes.decision, byName: t.minutes.byName, at: iso(t.minutes.at) } : null,
    vote: t.vote
      ? {
          question: t.vote.question,
          deadline: iso(t.vote.deadline),
          agree: t.vote.agree,
          disagree: t.vote.disagree,
          abstain: t.vote.abstain,
          open: status === 'voting',
          passed: votePassed(t.vote),
        }
      : null,
    myVote: ballot ? { choice: ballot.choice, byMe: ballot.voterId === viewer._id } : null,
    canVote: homeOf(viewer) !== null && viewer.communityId === t.communityId,
    runs: runsTopic(viewer, t),
  };
}

/** The ballot of the viewer's home on `topicId`: one read by id (none without a home). */
export async function myBallot(topicId: string, viewer: UserProfile): Promise<CouncilBallot | null> {
  const home = homeOf(viewer);
  return home ? ballots().get(ballotIdOf(topicId, home)) : null;
}

/** Transaction options of a council action: its retry record is written with its effect, as the reply `output` makes it. */
export function recordedAs<T>(request: RetryRecord | undefined, output: (result: T) => unknown, byEffect = false): TransactOptions<T> {
  return { busy: 'COUNCIL_BUSY', record: { request, output, byEffect } };
}
