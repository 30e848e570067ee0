import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { NoticeBanner } from '../../components/notice-banner';
import type { Failure } from '../../hooks/use-outcome';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { chargeOutcome, levelText, type ScanView } from '../../utils/merchant';
import { ShopGate, useMyShop } from '../parts/shop-gate';
import { ChargeForm } from './charge-form';
import { TokenEntry } from './token-entry';
import './index.scss';

type Done = { title: string; text: string; waiting: boolean };

/** A code that can no longer be used: the merchant must ask for a fresh one, so the form starts over. */
const deadCode = new Set(['POINTS_CODE_INVALID', 'POINTS_CODE_EXPIRED', 'POINTS_CODE_USED']);

/** 扫码核销: read a resident's points code, see who it is, then charge points or only check their level. */
function ScanPage() {
  const mine = useMyShop();
  const charge = useSubmit('merchant.charge');
  const verify = useSubmit('merchant.verifyLevel');
  const [token, setToken] = useState('');
  const [scan, setScan] = useState<ScanView | null>(null);
  const [reading, setReading] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  function restart(why: Failure | null = null) {
    setToken('');
    setScan(null);
    setFailure(why);
  }

  async function read(text: string) {
    setReading(true);
    setFailure(null);
    setDone(null);
    const reply = await call('merchant.scan', { token: text });
    setReading(false);
    if (!reply.ok) return setFailure({ code: reply.code, message: reply.issues?.[0]?.message ?? reply.message });
    setToken(text);
    setScan(reply.data);
  }

  async function onCharge(points: number, note: string) {
    const reply = await charge.submit({ token, points, note });
    if (!reply) return;
    if (reply.ok) {
      setDone(chargeOutcome(reply.data.charge));
      restart();
    } else if (deadCode.has(reply.code)) restart({ code: reply.code, message: reply.message });
  }

  async function onVerify() {
    const reply = await verify.submit({ token });
    if (!reply) return;
    if (reply.ok) {
      setDone({ title: '已核验等级', text: `${reply.data.resident.name} · ${levelText(reply.data.resident.level)}（未扣积分）`, waiting: false });
      restart();
    } else if (deadCode.has(reply.code)) restart({ code: reply.code, message: reply.message });
  }

  const shown = failure ?? (scan ? (charge.failure ?? verify.failure) : null);
  return (
    <ShopGate mine={mine} className="scan">
      {(shop) => (
        <>
          <Text className="merchant-intro">{shop.name} · 扫描居民出示的积分码，核对姓氏和信用等级后扣分。</Text>
          {done && (
            <View className={`merchant-result${done.waiting ? ' is-waiting' : ''}`}>
              <Text className="merchant-result__title">{done.title}</Text>
              <Text className="merchant-result__text">{done.text}</Text>
            </View>
          )}
          <NoticeBanner failure={shown} />
          {scan ? (
            <ChargeForm
              scan={scan}
              fieldErrors={charge.fieldErrors}
              charging={charge.submitting}
              verifying={verify.submitting}
              onCharge={(points, note) => void onCharge(points, note)}
              onVerify={() => void onVerify()}
              onCancel={() => restart()}
            />
          ) : (
            <TokenEntry busy={reading} onToken={(text) => void read(text)} />
          )}
          {!scan && (
            <View className="merchant-actions">
              <ActionButton kind="default" onClick={() => void Taro.navigateTo({ url: '/package-merchant/history/index' })}>
                今日核销记录
              </ActionButton>
            </View>
          )}
        </>
      )}
    </ShopGate>
  );
}

export default ScanPage;
