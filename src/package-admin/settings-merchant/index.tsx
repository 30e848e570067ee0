import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import type { Output } from '../../shared/contract';
import { useAdminSubmit } from '../parts/admin-submit';
import { DoneCard } from '../parts/done-card';
import '../parts/index.scss';

type Rules = Output<'merchant.setRules'>;
type Key = keyof Rules;
const fields: { key: Key; label: string; hint: string }[] = [
  { key: 'perCharge', label: '单笔免确认上限（分）', hint: '超过这个分数，须居民在手机上确认后才扣分' },
  { key: 'shopDaily', label: '每店每日上限（分）', hint: '一家店一天最多核销的积分' },
  { key: 'residentDaily', label: '每人每日上限（分）', hint: '一位居民一天在商家最多使用的积分' },
];
const toTexts = (r: Rules) => ({ perCharge: String(r.perCharge), shopDaily: String(r.shopDaily), residentDaily: String(r.residentDaily) });

/** 商家核销上限 (merchant.setRules): the community's caps on what merchants charge. */
function MerchantRulesPage() {
  const mine = useRemote(() => call('merchant.mine', {}));
  const save = useAdminSubmit('merchant.setRules');
  const [texts, setTexts] = useState<Record<Key, string> | null>(null);
  useEffect(() => {
    if (mine.data && texts === null) setTexts(toTexts(mine.data.rules));
  }, [mine.data, texts]);

  async function onSave() {
    if (!texts) return;
    const payload = { perCharge: Number(texts.perCharge), shopDaily: Number(texts.shopDaily), residentDaily: Number(texts.residentDaily) };
    const reply = await save.run(payload, (r) => ({
      title: '商家核销上限已保存',
      detail: `单笔 ${r.perCharge} 分以上须确认；每店每日 ${r.shopDaily} 分；每人每日 ${r.residentDaily} 分`,
    }));
    if (reply?.ok) setTexts(toTexts(reply.data));
  }

  if (!texts) {
    return <PageShell>{mine.state === 'error' ? <ErrorView error={mine.error} onRetry={mine.reload} /> : <Loading />}</PageShell>;
  }
  return (
    <PageShell className="admin-merchant-rules">
      <Text className="admin-intro">爱心商家核销居民积分时的上限，保护居民和商家。修改后立即生效。</Text>
      <NoticeBanner failure={save.failure} />
      <DoneCard done={save.done} />
      {fields.map((f) => (
        <InputField
          key={f.key}
          label={f.label}
          type="number"
          value={texts[f.key]}
          placeholder="整数"
          hint={f.hint}
          error={save.fieldErrors[f.key]}
          onChange={(v) => setTexts({ ...texts, [f.key]: v })}
        />
      ))}
      <View className="admin-actions">
        <ActionButton busy={save.submitting} onClick={() => void onSave()}>
          保存上限
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default MerchantRulesPage;
