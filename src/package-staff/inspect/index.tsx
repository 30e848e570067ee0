import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField, InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { StarRating } from '../../components/star-rating';
import { ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import type { Reply } from '../../shared/contract/envelope';
import { checklistItems, checklistLabels, shopIdFromQr, type Checklist } from '../../shared/domain/merchant-shop';
import { signedPoints } from '../../utils/points';
import { DoneCard } from '../parts/done-card';
import { useStaffSubmit } from '../parts/use-staff-submit';
import '../parts/index.scss';

type ShopOption = { id: string; name: string };

/** The shops staff can pick: every active shop of the community (suspended ones are not inspected). */
async function knownShops(): Promise<Reply<ShopOption[]>> {
  const reply = await call('shop.list', { limit: 50 });
  if (!reply.ok) return reply;
  return { ok: true, data: reply.data.items.filter((s) => s.status === 'active').map((s) => ({ id: s.id, name: s.name })) };
}

const blank: Partial<Checklist> = {};

/** 店铺检查: staff mark a shop on the checklist (卫生、价格、占道、文明); the score posts or deducts shop points. */
function InspectPage() {
  const shops = useRemote(knownShops);
  const inspect = useStaffSubmit('shop.inspect');
  const [shopId, setShopId] = useState('');
  const [marks, setMarks] = useState<Partial<Checklist>>(blank);
  const [note, setNote] = useState('');
  const [scanned, setScanned] = useState<ShopOption | null>(null);
  const complete = checklistItems.every((item) => marks[item]);
  const options = [...(shops.data ?? []), ...(scanned && !shops.data?.some((s) => s.id === scanned.id) ? [scanned] : [])];

  async function scan() {
    try {
      const id = shopIdFromQr((await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result);
      if (!id) return void Taro.showToast({ title: '这不是店铺评价码', icon: 'none' });
      const shop = await call('shop.get', { shopId: id });
      if (!shop.ok) return void Taro.showToast({ title: shop.message, icon: 'none' });
      setScanned({ id, name: shop.data.shop.name });
      setShopId(id);
    } catch {
      // The scanner was closed: nothing to do.
    }
  }

  async function onSubmit() {
    if (!shopId || !complete) return;
    const name = options.find((s) => s.id === shopId)?.name ?? '';
    const reply = await inspect.run({ shopId, checklist: marks as Checklist, note: note.trim() }, (data) => ({
      title: `「${name}」检查得分 ${Math.round(data.score)} 分（${data.grade}）`,
      detail: `店铺积分 ${data.points === 0 ? '不变' : signedPoints(data.points)}，现有 ${data.shop.points} 分，${data.shop.level.name}`,
    }));
    if (reply?.ok) {
      setMarks(blank);
      setNote('');
    }
  }

  if (!shops.data) {
    return <PageShell>{shops.state === 'error' ? <ErrorView error={shops.error} onRetry={shops.reload} /> : <Loading />}</PageShell>;
  }
  return (
    <PageShell className="inspect">
      <View className="staff-intro">每项 1–5 分，总分百分制：优秀 +10、良好 +5、合格 +2、待改进 −5、不合格 −10 店铺积分。</View>
      <NoticeBanner failure={inspect.failure} />
      <DoneCard done={inspect.done} />
      <FormField label="店铺" error={inspect.fieldErrors.shopId}>
        <ChoiceChips choices={options.map((s) => ({ value: s.id, label: s.name }))} value={shopId} onChange={setShopId} name="shop" />
        {process.env.TARO_ENV === 'weapp' && (
          <Button className="btn btn--small btn--default inspect__scan" onClick={scan}>
            扫店铺评价码
          </Button>
        )}
      </FormField>
      {checklistItems.map((item) => (
        <FormField key={item} label={checklistLabels[item]}>
          <View className={`inspect__item inspect__item--${item}`}>
            <StarRating value={marks[item] ?? 0} onChange={(n) => setMarks((m) => ({ ...m, [item]: n }))} />
          </View>
        </FormField>
      ))}
      <InputField
        label="备注（可选）"
        error={inspect.fieldErrors.note}
        value={note}
        maxlength={100}
        placeholder="例如：门前堆放杂物，已当场整改"
        onChange={setNote}
      />
      <View className="staff-actions">
        <ActionButton disabled={!shopId || !complete} busy={inspect.submitting} onClick={onSubmit}>
          {shopId ? (complete ? '提交检查结果' : '请为每一项打分') : '请选择店铺'}
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default InspectPage;
