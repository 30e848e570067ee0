import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { assets, assetLabels, type Asset } from '../../shared/domain/ledger';
import { formatDateTime } from '../../utils/date-time';
import { useAdminSubmit } from '../parts/admin-submit';
import { DoneCard } from '../parts/done-card';
import '../parts/index.scss';

type Texts = Record<Asset, string>;
const toTexts = (days: Record<Asset, number | null>): Texts =>
  Object.fromEntries(assets.map((a) => [a, days[a] === null ? '' : String(days[a])])) as Texts;
// An empty box is 永久有效 (null); anything else is sent as typed, and the contract says what is wrong with it.
const toDays = (texts: Texts) =>
  Object.fromEntries(assets.map((a) => [a, texts[a].trim() === '' ? null : Number(texts[a])])) as Record<Asset, number | null>;

const badDays = (text: string) =>
  text.trim() !== '' && !/^\d{1,4}$/.test(text.trim()) ? true : text.trim() !== '' && (Number(text) < 1 || Number(text) > 3650);

/** 积分有效期 (points.setRules): how many days each kind of points lasts; empty means it never lapses. */
function RulesPage() {
  const rules = useRemote(() => call('points.rules', {}));
  const save = useAdminSubmit('points.setRules');
  const [texts, setTexts] = useState<Texts | null>(null);
  useEffect(() => {
    if (rules.data && texts === null) setTexts(toTexts(rules.data.expiryDays));
  }, [rules.data, texts]);

  async function onSave() {
    if (!texts) return;
    const reply = await save.run({ expiryDays: toDays(texts) }, () => ({
      title: '积分有效期已保存',
      detail: '只影响此后发放的积分；已发放的积分按原有效期。',
    }));
    if (reply?.ok) {
      rules.update(() => reply.data);
      setTexts(toTexts(reply.data.expiryDays));
    }
  }

  if (!texts) {
    return <PageShell>{rules.state === 'error' ? <ErrorView error={rules.error} onRetry={rules.reload} /> : <Loading />}</PageShell>;
  }
  return (
    <PageShell className="admin-rules">
      <Text className="admin-intro">填写天数（1–3650）；留空表示永久有效。修改只影响此后发放的积分。</Text>
      <NoticeBanner failure={save.failure} />
      <DoneCard done={save.done} />
      {assets.map((a) => (
        <InputField
          key={a}
          label={assetLabels[a]}
          type="number"
          value={texts[a]}
          placeholder="留空：永久有效"
          hint={texts[a].trim() === '' ? '永久有效' : `发放后 ${texts[a]} 天失效`}
          error={badDays(texts[a]) ? '请填 1–3650 的整数天数，或留空' : undefined}
          onChange={(v) => setTexts({ ...texts, [a]: v })}
        />
      ))}
      {rules.data?.updatedAt && <Text className="admin-intro">{`上次修改：${formatDateTime(rules.data.updatedAt)}`}</Text>}
      <View className="admin-actions">
        <ActionButton disabled={assets.some((a) => badDays(texts[a]))} busy={save.submitting} onClick={() => void onSave()}>
          保存有效期
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default RulesPage;
