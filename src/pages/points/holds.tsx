import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import { NoticeBanner } from '../../components/notice-banner';
import type { Remote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import type { Output } from '../../shared/contract';
import type { Reply } from '../../shared/contract/envelope';
import { serverNow } from '../../services/server-clock';
import { clockText, secondsLeft } from '../../utils/countdown';
import { toastResult } from '../../utils/toast';

type Holds = Output<'points.pendingHolds'>;
type Hold = Holds['items'][number];
export type Outcome = 'confirmed' | 'rejected' | 'closed';
/** What a rejection brought back (the virtue balance after it and the returning posting); null while still owed. */
export type Returned = Output<'points.rejectHold'>['returned'];
/** What a confirmation posted (a hold kept on the balance is posted only then); null otherwise. */
export type Posted = Output<'points.confirmHold'>['posted'];
export type OnDecided = (outcome: Outcome, returned: Returned, posted: Posted) => void;

/**
 * `onDecided` says how the hold ended: confirmed (the points had already left when the merchant charged, so
 * only the hold goes, with the payment posted now for a hold kept on the balance), rejected (they come back: the reply says to what balance, with which posting), or
 * closed meanwhile.
 */
function HoldCard({ hold, onDecided }: { hold: Hold; onDecided: OnDecided }) {
  const confirm = useSubmit('points.confirmHold');
  const reject = useSubmit('points.rejectHold');
  const busy = confirm.submitting || reject.submitting;
  const left = hold.holdUntil ? secondsLeft(new Date(hold.holdUntil).getTime(), serverNow()) : 0;

  async function decide(
    submit: (input: { chargeId: string }) => Promise<Reply<{ hold: Hold; returned?: Returned; posted?: Posted }> | null>,
    text: string,
    outcome: Outcome,
  ) {
    const reply = await submit({ chargeId: hold.id });
    if (!reply) return;
    if (reply.ok) toastResult({ ok: true, text });
    if (reply.ok) onDecided(outcome, reply.data.returned ?? null, reply.data.posted ?? null);
    // Decided or expired meanwhile: what it did is not in the reply, so the page reads it again.
    else if (reply.code === 'POINTS_HOLD_CLOSED' || reply.code === 'POINTS_HOLD_NOT_FOUND') onDecided('closed', null, null);
  }

  return (
    <View className="card hold" data-hold={hold.id}>
      <View className="hold__head">
        <Text className="hold__shop">{hold.shopName}</Text>
        <Text className="hold__points">-{hold.points}</Text>
      </View>
      <Text className="hold__note">
        {hold.note || '商家扣分'} · {left > 0 ? `${clockText(left)} 内不确认将自动退回` : '即将自动退回'}
      </Text>
      <NoticeBanner failure={confirm.failure ?? reject.failure} />
      <View className="hold__actions">
        <ActionButton
          kind="warn"
          size="small"
          disabled={busy}
          busy={reject.submitting}
          onClick={() => void decide(reject.submit, '已拒绝，积分退回', 'rejected')}
        >
          拒绝
        </ActionButton>
        <ActionButton size="small" disabled={busy} busy={confirm.submitting} onClick={() => void decide(confirm.submit, '已确认', 'confirmed')}>
          确认扣 {hold.points} 分
        </ActionButton>
      </View>
    </View>
  );
}

/**
 * 待确认扣分: a merchant charged more than the per-charge cap and the points wait for me; nothing shows
 * when there is none (or the list could not be read: the balances above still tell the story).
 */
export function PendingHolds({
  holds,
  onDecided,
}: {
  holds: Remote<Holds>;
  onDecided: (holdId: string, outcome: Outcome, returned: Returned, posted: Posted) => void;
}) {
  const items = holds.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <View className="holds">
      <Text className="section-title">待我确认的扣分</Text>
      {items.map((h) => (
        <HoldCard key={h.id} hold={h} onDecided={(outcome, returned, posted) => onDecided(h.id, outcome, returned, posted)} />
      ))}
    </View>
  );
}
