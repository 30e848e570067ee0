import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { QrCode } from '../../components/qr-code';
import { ErrorView, Loading } from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { usePointsCode } from '../../hooks/use-points-code';
import { askConsent } from '../../services/consent';
import './index.scss';

/** 积分码 (payment-code style): a merchant scans it to take virtue points; it is single-use and refreshes itself. */
function PointsCodePage() {
  const me = useMe();
  const code = usePointsCode();

  if (!code.token) {
    return <PageShell className="points-code">{code.error ? <ErrorView error={code.error} onRetry={code.refresh} /> : <Loading />}</PageShell>;
  }
  return (
    <PageShell className="points-code">
      <View className="points-code__card">
        <Text className="points-code__title">{me.data ? `${me.data.name}的积分码` : '我的积分码'}</Text>
        <Text className="points-code__hint">向爱心商家出示，抵扣美德信用积分</Text>
        <QrCode text={code.token} className="points-code__qr" />
        {code.error ? (
          <View className="points-code__state is-error" onClick={code.refresh}>
            {code.error.message}，点此重试
          </View>
        ) : (
          <View className="points-code__state" onClick={code.refresh}>
            {code.refreshing ? '正在刷新…' : `${code.secondsToRefresh} 秒后自动刷新 · 点此立即刷新`}
          </View>
        )}
        <Text className="points-code__token" userSelect>
          {code.token}
        </Text>
      </View>
      <Text className="points-code__notes">
        每个积分码只能使用一次，60 秒内有效。请勿截图或转发给他人。单笔超过商家上限时，需在「我的积分」里确认后才会扣分。
      </Text>
      <View className="cells">
        <View className="cell cell--link" onClick={() => askConsent('points.issueCode')}>
          <Text className="cell__body cell__title">扣分确认提醒</Text>
          <Text className="cell__value">大额扣分时微信通知我</Text>
        </View>
        <View className="cell cell--link" onClick={() => void Taro.navigateTo({ url: '/pages/points/index' })}>
          <Text className="cell__body cell__title">我的积分</Text>
          <Text className="cell__value">余额、待确认扣分</Text>
        </View>
        <View className="cell cell--link" onClick={() => void Taro.navigateTo({ url: '/pages/shops/index' })}>
          <Text className="cell__body cell__title">美德商铺</Text>
          <Text className="cell__value">哪里可以用积分</Text>
        </View>
      </View>
    </PageShell>
  );
}

export default PointsCodePage;
