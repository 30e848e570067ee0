import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PageShell } from '../../components/page-shell';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { careTierNames } from '../../shared/domain/care';
import { formatDateTime } from '../../utils/date-time';
import { dayOf } from '../visits/visit-item';
import { HospitalForm } from './hospital-form';
import { TierForm } from './tier-form';
import './index.scss';

/** What a tier means to the household itself: how often someone comes by. */
const ownWords: Record<'green' | 'yellow' | 'red', string> = {
  red: '网格员会经常上门看望（默认每周一次）。有事随时找网格员。',
  yellow: '网格员会定期上门看望（默认每月一次）。',
  green: '网格员会定期上门走访（默认每季度一次）。',
};

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
  const report = useSubmit('care.reportEvent');
  const [reported, setReported] = useState<string | null>(null);
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
  // 我的 → 我家的走访: a resident's own home (no arguments), in words for the household.
  const own = !params.householdId && !rosterKey;
  if (own && !h)
    return (
      <PageShell className="household">
        <Empty
          title="网格员还没有给你家建走访记录"
          hint="家里有老人、病人或生活上的难处，可以发心愿或反映问题，网格员会上门看看。"
          action={{ text: '反映问题', onClick: () => void Taro.navigateTo({ url: '/pages/petition-new/index' }) }}
        />
      </PageShell>
    );

  // 大病回访: by the home (a tagged one) or its roster person; what is due shows on 今日走访.
  async function reportStay(note: string, dischargedOn: string | null): Promise<boolean> {
    const home = h ? { householdId: h.id } : key ? { rosterKey: key } : null;
    if (!home) return false;
    const reply = await report.submit({ ...home, kind: 'hospital', note, ...(dischargedOn ? { dischargedOn } : {}) });
    if (!reply?.ok) return false;
    setReported(`已记录住院，${dayOf(reply.data.event.reason.dueAt)}前回访，已加入今日走访`);
    return true;
  }

  async function saveTier(tier: 'green' | 'yellow' | 'red', reason: string) {
    if (!key) return;
    const reply = await save.submit({ rosterKey: key, tier, reason });
    if (reply?.ok) card.update((d) => ({ ...d, household: reply.data.household }));
  }

  return (
    <PageShell className="household">
      <View className="card household__head">
        <Text className="household__names">{own ? '我家' : (h?.names.join('、') ?? '这一户')}</Text>
        {h && (h.tier || !own) && <Text className={`household__tier tier-${h.tier ?? 'none'}`}>{h.tier ? careTierNames[h.tier] : '未分级'}</Text>}
        {h && (
          <Text className="household__line">
            {h.buildingName} {h.room}
          </Text>
        )}
        {h?.reason && <Text className="household__line">原因：{h.reason}</Text>}
        {own && h?.tier && <Text className="household__line">{ownWords[h.tier]}</Text>}
        <Text className="household__line">
          {h?.dueAt ? `下次走访：${dayOf(h.dueAt)}` : own ? '网格员会按需上门看看' : '还没有排定走访'}
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
      {organiser && (h || key) && <HospitalForm busy={report.submitting} error={report.failure?.message} done={reported} onSave={reportStay} />}
      <Text className="household__section">最近走访</Text>
      {recent.length === 0 && <Text className="household__empty">{own ? '网格员还没有来走访过。' : '还没有走访记录。'}</Text>}
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
