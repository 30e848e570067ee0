import { DomainError } from './errors';
import { levelAbove, levelLabels, levelRank, type LadderConfig, type PetitionLevel, type Urgency } from './petition-ladder';
import { DAY_MS } from './time';

/**
 * 微诉求 petition: a problem a resident reports. It waits at a level (`pending`) until that level takes it
 * (受理, or a department's 报到), is handled there (`accepted`) or in a three-party council (`council`, 三方议事),
 * climbs (吹哨) when the level cannot or does not act. Once resolved it waits to be verified (`verifying`, 待验证:
 * the grid worker checks on site, or the resident answers), then for the resident's rating (`resolved`, 待评价).
 */
export const petitionStatuses = ['pending', 'accepted', 'council', 'verifying', 'resolved', 'review', 'closed'] as const;
export type PetitionStatus = (typeof petitionStatuses)[number];

export const petitionStatusLabels: Record<PetitionStatus, string> = {
  pending: '待受理',
  accepted: '办理中',
  council: '三方议事中',
  verifying: '待验证',
  resolved: '待评价',
  review: '社区复核中',
  closed: '已办结',
};

export const petitionEvents = [
  'accept',
  'report',
  'resolve',
  'dismiss',
  'escalate',
  'summon',
  'convene',
  'decide',
  'verify',
  'rate',
  'reopen',
  'conclude',
  'expire',
  'reassign',
] as const;
export type PetitionEvent = (typeof petitionEvents)[number];

export const petitionEventLabels: Record<PetitionEvent, string> = {
  accept: '受理',
  report: '报到',
  resolve: '办结反馈',
  dismiss: '不予受理',
  escalate: '吹哨上报',
  summon: '召集部门',
  convene: '提交三方议事',
  decide: '三方议事决定',
  verify: '验证办理结果',
  rate: '评价',
  reopen: '重新交办',
  conclude: '复核办结',
  expire: '逾期未评价',
  reassign: '督办改派',
};

export const ratings = ['satisfied', 'basic', 'unsatisfied'] as const;
export type PetitionRating = (typeof ratings)[number];
export const ratingLabels: Record<PetitionRating, string> = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' };

/**
 * 验证: what the grid worker found on site, or the resident answered. 已解决 passes the case on to the rating;
 * 部分解决 and 未解决 reopen it as a 不满意 does (the first back to the level that resolved it, later ones to review).
 */
export const verifyResults = ['resolved', 'partial', 'unresolved'] as const;
export type VerifyResult = (typeof verifyResults)[number];
export const verifyResultLabels: Record<VerifyResult, string> = { resolved: '已解决', partial: '部分解决', unresolved: '未解决' };

/** How a closed petition ended. */
export type PetitionOutcome = 'rated' | 'unrated' | 'reviewed' | 'dismissed';

/** The part of a petition the ladder's rules read and write. */
export interface PetitionState {
  status: PetitionStatus;
  level: PetitionLevel;
  urgency: Urgency;
  /** When the current step began: deadlines count from here. */
  since: Date;
  /**
   * The current step's deadline as an approved 延期申请 moved it (null: the ladder's own). Cleared by every move:
   * a new step starts with the ladder's clock. Absent on cases older than extensions (read as null).
   */
  extendedUntil?: Date | null;
  /** The department summoned last (kept after it, so a reopen can send the case back to it). */
  departmentId: string | null;
  /** The highest level the case has reached. */
  topLevel: PetitionLevel;
  /** Reopens after a 不满意: the first goes back to the resolving level, later ones to community review. */
  reopens: number;
  resolvedLevel: PetitionLevel | null;
  outcome: PetitionOutcome | null;
  /** Category facts: the department a street summons by default, and whether 三方议事 applies. */
  defaultDepartmentId: string | null;
  councilEligible: boolean;
}

export type PetitionMove =
  | { event: 'accept' | 'report' | 'resolve' | 'dismiss' | 'escalate' | 'convene' | 'decide' | 'conclude' | 'expire' }
  | { event: 'summon'; departmentId: string }
  | { event: 'rate'; rating: PetitionRating; byProxy?: boolean }
  | { event: 'verify'; result: VerifyResult }
  | { event: 'reopen'; level: PetitionLevel }
  /** 改派 (a 督办员's order): to another grid of the community (the case's place says which), or another department. */
  | { event: 'reassign'; level: 'grid' | 'department'; departmentId: string | null };

const open: readonly PetitionStatus[] = ['pending', 'accepted'];

/** The statuses each event starts from (a level rule, if any, is checked after). */
const from: Record<PetitionEvent, readonly PetitionStatus[]> = {
  accept: ['pending'],
  report: ['pending'],
  resolve: ['accepted'],
  dismiss: ['pending'],
  escalate: [...open, 'council'],
  summon: open,
  convene: open,
  decide: ['council'],
  verify: ['verifying'],
  rate: ['resolved'],
  reopen: ['review'],
  conclude: ['review'],
  expire: ['resolved'],
  reassign: open,
};

function illegal(state: PetitionState, event: PetitionEvent, why?: string): DomainError {
  const where = `${levelLabels[state.level]}「${petitionStatusLabels[state.status]}」`;
  return new DomainError('PETITION_ILLEGAL_MOVE', why ?? `诉求当前在${where}，不能${petitionEventLabels[event]}`);
}

export function canMove(state: PetitionState, event: PetitionEvent): boolean {
  return from[event].includes(state.status);
}

/**
 * The state after `move` at `now`, or a DomainError saying why not. The caller records who moved it; the
 * rating window is checked here because the sweep that closes it may run late.
 */
export function applyMove(state: PetitionState, move: PetitionMove, now: Date, config: LadderConfig): PetitionState {
  if (!canMove(state, move.event)) throw illegal(state, move.event);
  const at = (status: PetitionStatus, level: PetitionLevel = state.level): PetitionState => ({
    ...state,
    status,
    level,
    since: now,
    extendedUntil: null,
    topLevel: levelRank(level) > levelRank(state.topLevel) ? level : state.topLevel,
  });
  switch (move.event) {
    case 'accept':
      if (state.level === 'department') throw illegal(state, 'accept', '职能部门须「报到」受理');
      return at('accepted');
    case 'report':
      if (state.level !== 'department') throw illegal(state, 'report', '只有被召集的职能部门需要报到');
      return at('accepted');
    case 'resolve':
      return { ...at('verifying'), resolvedLevel: state.level };
    case 'decide':
      return { ...at('verifying'), resolvedLevel: 'community' };
    case 'verify':
      // 已解决 (or the verification window passed): the rating window starts now.
      if (move.result === 'resolved') return at('resolved');
      return reopened(state, at);
    case 'dismiss':
      return { ...at('closed'), outcome: 'dismissed' };
    case 'escalate': {
      // A street that summons no department hands the case to the district.
      const up = state.level === 'street' ? 'district' : levelAbove(state.level);
      if (!up) throw new DomainError('PETITION_TOP_LEVEL');
      return at('pending', up);
    }
    case 'summon':
      if (state.level !== 'street') throw illegal(state, 'summon', '只有街道可以召集职能部门');
      return { ...at('pending', 'department'), departmentId: move.departmentId };
    case 'convene':
      if (state.level !== 'community') throw illegal(state, 'convene', '三方议事由社区召集');
      if (!state.councilEligible) throw new DomainError('PETITION_COUNCIL_NOT_ELIGIBLE');
      return at('council');
    case 'rate':
      if (now.getTime() - new Date(state.since).getTime() >= config.ratingDays * DAY_MS) throw new DomainError('PETITION_RATING_CLOSED');
      // A relayed 满意 (代评) closes the case but is no one's satisfaction: it ends as unrated.
      if (move.rating !== 'unsatisfied') return { ...at('closed'), outcome: move.byProxy ? 'unrated' : 'rated' };
      return reopened(state, at);
    case 'reopen':
      assertReopenLevel(state, move.level);
      return at('pending', move.level);
    case 'conclude':
      return { ...at('closed'), outcome: 'reviewed' };
    case 'expire':
      return { ...at('closed'), outcome: 'unrated' };
    case 'reassign':
      if (move.level === 'department') {
        if (state.level !== 'department' || !move.departmentId) throw illegal(state, 'reassign', '只有职能部门一级的诉求可以改派到其他部门');
        return { ...at('pending', 'department'), departmentId: move.departmentId };
      }
      if (state.level !== 'grid' && state.level !== 'community') throw illegal(state, 'reassign', '只有网格或社区一级的诉求可以改派到网格');
      return at('pending', 'grid');
  }
}

/** 不满意, 部分解决, 未解决: once back to the level that resolved it; after that the community reviews. */
function reopened(state: PetitionState, at: (status: PetitionStatus, level?: PetitionLevel) => PetitionState): PetitionState {
  if (state.reopens === 0) return { ...at('accepted', state.resolvedLevel ?? state.level), reopens: 1 };
  return { ...at('review', 'community'), reopens: state.reopens + 1 };
}

/** A community review may send the case back to any level it has already reached (a department: the last one). */
function assertReopenLevel(state: PetitionState, level: PetitionLevel): void {
  if (levelRank(level) > levelRank(state.topLevel)) {
    throw new DomainError('PETITION_ILLEGAL_MOVE', `这条诉求没有到过${levelLabels[level]}一级，不能交办到那里`);
  }
  if (level === 'department' && !state.departmentId) throw new DomainError('PETITION_ILLEGAL_MOVE', '这条诉求没有召集过职能部门');
}
