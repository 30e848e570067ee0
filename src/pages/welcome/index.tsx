import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';
import { PageShell } from '../../components/page-shell';
import { browseAsGuest } from '../../services/guest';
import { privacySummary } from '../../utils/privacy-text';
import './index.scss';

const offers = [
  { title: '发心愿', text: '换灯泡、陪看病、取快递……需要帮忙的小事，党员和志愿者来帮你。' },
  { title: '反映问题', text: '楼道灯坏了、路面坑洼，告诉网格员，看得到办理进度。' },
  { title: '攒积分', text: '参加志愿服务攒积分，在积分超市和爱心商家兑换实惠。' },
];

/** 欢迎页: what a newcomer meets instead of an error — what Linli is, what it keeps about them, and the way in. */
function WelcomePage() {
  const look = (url: string, tab: boolean) => {
    browseAsGuest();
    void (tab ? Taro.switchTab({ url }) : Taro.navigateTo({ url }));
  };
  return (
    <PageShell className="welcome">
      <View className="welcome__hero">
        <Text className="welcome__title">邻里 · 社区线上家园</Text>
        <Text className="welcome__lead">邻居之间互相帮一把，身边的事有人管。加入你所住的社区，就可以使用下面这些功能。</Text>
      </View>
      <View className="cells welcome__offers">
        {offers.map((o) => (
          <View key={o.title} className="cell welcome__offer">
            <Text className="welcome__offer-title">{o.title}</Text>
            <Text className="welcome__offer-text">{o.text}</Text>
          </View>
        ))}
      </View>
      <Text className="section-title">你的信息怎么用</Text>
      <View className="card welcome__privacy">
        <Text className="welcome__privacy-head">我们收集</Text>
        <Text className="welcome__privacy-text">{privacySummary.collect}</Text>
        <Text className="welcome__privacy-head">谁能看到</Text>
        <Text className="welcome__privacy-text">{privacySummary.who}</Text>
        <Text className="welcome__privacy-head">你的权利</Text>
        <Text className="welcome__privacy-text">{privacySummary.rights}</Text>
      </View>
      <View className="welcome__actions">
        <ActionButton onClick={() => void Taro.navigateTo({ url: '/pages/join/index' })}>加入社区</ActionButton>
        <ActionButton kind="default" onClick={() => look('/pages/wall/index', true)}>
          先看看心愿墙
        </ActionButton>
        <ActionButton kind="default" onClick={() => look('/pages/shops/index', false)}>
          看看美德商铺
        </ActionButton>
        <Text className="welcome__hint">扫楼栋门口的“邻里楼栋码”加入最快；没有码也可以自己选择社区和楼栋。</Text>
      </View>
    </PageShell>
  );
}

export default WelcomePage;
