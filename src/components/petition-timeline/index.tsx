import type { PetitionDetail } from '../../utils/petition-actions';
import { formatDateTime } from '../../utils/date-time';
import { stepTitle } from '../../utils/petition-text';
import { Timeline } from '../timeline';

/**
 * 办理过程: every step with its level, who, when and why; steps the deadline timer took are marked 自动升级. A 督办
 * card line says its colour and why in its note; the clock's (or three urges') is the system's.
 */
export function PetitionTimeline({ petition, now }: { petition: PetitionDetail; now: number }) {
  const entries = [...petition.timeline].reverse().map((s, i) => ({
    key: `${s.at}-${s.event}-${i}`,
    event: s.event,
    title: stepTitle(s),
    badge: s.event === 'card' ? null : s.automatic ? (s.event === 'expire' ? '自动办结' : '自动升级') : null,
    by: s.event === 'card' && s.automatic ? '系统督办' : s.automatic ? '系统（超过办理时限）' : s.by,
    note: s.note,
    when: formatDateTime(s.at, now),
  }));
  return <Timeline heading="办理过程" entries={entries} />;
}
