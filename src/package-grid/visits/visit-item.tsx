import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import type { Output } from '../../shared/contract';
import { careTierNames } from '../../shared/domain/care';
import { dayCst } from '../../shared/domain/time';

export type DueVisit = Output<'care.dueVisits'>['items'][number];

/** 12月8日: the China day a visit falls due on, whatever zone the phone is set to. */
export function dayOf(iso: string): string {
  const [, month, day] = dayCst(new Date(iso)).split('-');
  return `${Number(month)}月${Number(day)}日`;
}

/** When the visit is due, in words: 逾期 3 天 / 今天到期 / 12月8日到期. */
function dueText(v: DueVisit): string {
  if (v.state === 'overdue') return `逾期 ${v.daysOverdue} 天`;
  if (v.state === 'due') return '今天到期';
  return v.dueAt ? `${dayOf(v.dueAt)}到期` : '';
}

/**
 * One home on the round: its tier (colour and word, never colour alone), who lives there, why it is due, and the
 * two things a grid worker does there — log the visit, or file what they found for the resident (红色代办).
 */
export function VisitItem(props: { visit: DueVisit; onOpen: () => void; onLog: () => void; onProblem: (kind: 'wish' | 'petition') => void }) {
  const { visit: v } = props;
  const tier = v.tier ? careTierNames[v.tier] : '未分级';
  // Someone of the home to file for: from the roster, or registered (their own wish or case brought the visit).
  const filable = Boolean(v.rosterKey || v.residentId);
  return (
    <View className={`card visit-item is-${v.state}`} data-id={v.id}>
      <View className="visit-item__head" onClick={props.onOpen}>
        <Text className="visit-item__names">{v.names.join('、') || '（未登记姓名）'}</Text>
        <Text className={`visit-item__tier tier-${v.tier ?? 'none'}`}>{tier}</Text>
      </View>
      <Text className="visit-item__place">
        {v.buildingName} {v.room}
      </Text>
      {v.reason && <Text className="visit-item__reason">原因：{v.reason}</Text>}
      {v.reasons.map((r) => (
        <Text key={`${r.kind}-${r.label}`} className="visit-item__why">
          · {r.label}
        </Text>
      ))}
      <Text className={`visit-item__due is-${v.state}`}>{dueText(v)}</Text>
      <View className="visit-item__actions">
        <ActionButton size="inline" onClick={props.onLog}>
          记录走访
        </ActionButton>
        {filable && (
          <ActionButton size="inline" kind="default" onClick={() => props.onProblem('wish')}>
            代办心愿
          </ActionButton>
        )}
        {filable && (
          <ActionButton size="inline" kind="default" onClick={() => props.onProblem('petition')}>
            代办诉求
          </ActionButton>
        )}
      </View>
    </View>
  );
}
