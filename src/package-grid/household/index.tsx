import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { careTierNames } from '../../shared/domain/care';
import { formatDateTime } from '../../utils/date-time';
import { dayOf } from '../visits/visit-item';
import { TierForm } from './tier-form';
import './index.scss';

/**
 * 走访卡片: a home's tier and why, its next visit and its last visits — opened from the 人口台账 (`rosterKey`) or
 * 今日走访 (`householdId`) by its grid worker or the community's staff, who tag it here; a resident opens their own.
 */
function HouseholdPage() {
  const { params } = useRouter();
  const me = useMe();
  const rosterKey = params.rosterKey ? decodeURIComponent(params.rosterKey) : undefined;
  const ask = params.householdId ? { householdId: params.householdId } : rosterKey ? { rosterKey } : {};
  const card = useRemote(() => call('care.household', ask), JSON.stringify(ask));
  const save = useSubmit('care.setTier');
  const roles = me.data?.roles ?? [];
  const organiser = roles.includes('grid_worker') || roles.includes('staff');

  if (card.state === 'loading')
    return (
      <PageShell className="household">
        <Loading />
      </PageShell>
    );
  if (card.state === 'error' || !card.data)
    return (
      <PageShell className="household">
        <ErrorView error={card.error} onRetry={() => void card.reload()} />
      </PageShell>
    );
  const { household: h, recent } = card.data;
  const key = h?.rosterKey ?? rosterKey ?? null;

  async function saveTier(tier: 'green' | 'yellow' | 'red', reason: string) {
    if (!key) return;
    const reply = await save.submit({ rosterKey: key, tier, reason });
    if (reply?.ok) card.update((d) => ({ ...d, household: reply.data.household }));
  }

  return (
    <PageShell className="household">
      <View className="card household__head">
        <Text className="household__names">{h?.names.join('、') ?? '这一户'}</Text>
        {h && <Text className={`household__tier tier-${h.tier ?? 'none'}`}>{h.tier ? careTierNames[h.tier] : '未分级'}</Text>}
        {h && (
          <Text className="household__line">
            {h.buildingName} {h.room}
          </Text>
        )}
        {h?.reason && <Text className="household__line">原因：{h.reason}</Text>}
        <Text className="household__line">
          {h?.dueAt ? `下次走访：${dayOf(h.dueAt)}` : '还没有排定走访'}
          {h ? ` · 已走访 ${h.visits} 次` : ''}
        </Text>
      </View>
      {organiser && key && (
        <TierForm
          key={h?.tier ?? 'none'}
          tier={h?.tier ?? null}
          suggested={h?.suggested ?? null}
          reason={h?.reason ?? null}
          busy={save.submitting}
          error={save.failure?.message}
          onSave={(tier, reason) => void saveTier(tier, reason)}
        />
      )}
      <Text className="household__section">最近走访</Text>
      {recent.length === 0 && <Text className="household__empty">还没有走访记录。</Text>}
      {recent.map((v) => (
        <View key={v.id} className="card household__visit">
          <Text className="household__visit-when">
            {formatDateTime(v.at)} · {v.byName}
          </Text>
          <Text className="household__visit-note">{v.note}</Text>
        </View>
      ))}
    </PageShell>
  );
}

export default HouseholdPage;
