import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import { unitResourceLabels, type Output } from '../../shared/contract';
import { formatDateTime } from '../../utils/date-time';

export type MemberReport = Output<'member.list'>['items'][number];
export type UnitReport = Output<'unit.list'>['items'][number];

function Decide(props: { busy: boolean; onApprove: () => void; onReject: () => void }) {
  return (
    <View className="report-item__actions">
      <ActionButton size="inline" busy={props.busy} onClick={props.onApprove}>
        通过
      </ActionButton>
      <ActionButton size="inline" kind="warn" disabled={props.busy} onClick={props.onReject}>
        驳回
      </ActionButton>
    </View>
  );
}

/** A member's report as community staff see it: name, masked phone, what they offer and when they are free. */
export function MemberItem(props: { report: MemberReport; busy: boolean; onApprove: () => void; onReject: () => void }) {
  const { report: r } = props;
  return (
    <View className={`card report-item is-${r.status}`} data-id={r.id}>
      <View className="report-item__head">
        <Text className="report-item__name">{r.name}</Text>
        <Text className="tag">{r.category}党员</Text>
      </View>
      {r.phone && <Text className="report-item__line">电话：{r.phone}</Text>}
      <Text className="report-item__line">单位党组织：{r.partyOrg}</Text>
      {r.skills.length > 0 && <Text className="report-item__line">技能：{r.skills.join('、')}</Text>}
      <Text className="report-item__line">空闲时间：{r.freeTimes}</Text>
      <Text className="report-item__time">提交于 {formatDateTime(r.createdAt)}</Text>
      {r.reason && <Text className="report-item__reason">驳回原因：{r.reason}</Text>}
      {r.status === 'pending' && <Decide {...props} />}
    </View>
  );
}

/** A unit 共建单位: what it offers, its contact, and the community's yearly evaluations. */
export function UnitItem(props: {
  unit: UnitReport;
  year: number;
  busy: boolean;
  onApprove: () => void;
  onReject: () => void;
  onEvaluate: () => void;
}) {
  const { unit: u } = props;
  const evaluated = u.evaluations.some((e) => e.year === props.year);
  return (
    <View className={`card report-item is-${u.status}`} data-id={u.id}>
      <View className="report-item__head">
        <Text className="report-item__name">{u.name}</Text>
        <Text className="tag">共建单位</Text>
      </View>
      <Text className="report-item__line">党组织：{u.partyOrg}</Text>
      <Text className="report-item__line">
        联系人：{u.contactName} {u.contactPhone}
      </Text>
      <Text className="report-item__line">可提供：{u.resources.map((r) => unitResourceLabels[r]).join('、')}</Text>
      {u.offer && <Text className="report-item__line">{u.offer}</Text>}
      {u.evaluations.map((e) => (
        <Text key={e.year} className="report-item__line report-item__eval">
          {e.year} 年考评 {e.score} 分：{e.comment}（{e.byName}）
        </Text>
      ))}
      {u.reason && <Text className="report-item__reason">驳回原因：{u.reason}</Text>}
      {u.status === 'pending' && <Decide {...props} />}
      {u.status === 'approved' && evaluated && <Text className="report-item__time">{props.year} 年已考评，明年再评</Text>}
      {u.status === 'approved' && !evaluated && (
        <View className="report-item__actions">
          <ActionButton size="inline" kind="default" disabled={props.busy} onClick={props.onEvaluate}>
            年度考评
          </ActionButton>
        </View>
      )}
    </View>
  );
}
