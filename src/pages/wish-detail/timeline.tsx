import { Timeline as Steps } from '../../components/timeline';
import { formatDateTime } from '../../utils/date-time';
import { historyLabels, type WishDetail } from '../../utils/wish-story';

/** Steps only the wish's resident takes: they show the resident as this viewer may see them (王** on the wall). */
const byResident = new Set(['create', 'cancel', 'confirm']);

/** 处理记录: every step with who took it, when, and why; the newest on top. */
export function Timeline({ wish }: { wish: WishDetail }) {
  const entries = [...wish.history].reverse().map((h) => ({
    key: `${h.at}-${h.event}`,
    event: h.event,
    title: `${byResident.has(h.event) ? wish.resident.name : h.by} ${historyLabels[h.event]}`,
    note: h.note,
    when: formatDateTime(h.at),
  }));
  return <Steps heading="处理记录" entries={entries} />;
}
