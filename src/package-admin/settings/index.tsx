import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import '../parts/index.scss';

/** What the admin sets for the community, each on its own page. */
const links: { text: string; note: string; page: string }[] = [
  { text: '积分超市货架', note: '商品、价格、库存、图片', page: 'settings-mall' },
  { text: '积分有效期', note: '每种积分多久失效', page: 'settings-rules' },
  { text: '美德信用目录', note: '可记分的美德行为和分值', page: 'settings-virtue' },
  { text: '商家核销上限', note: '单笔、每店每日、每人每日', page: 'settings-merchant' },
  { text: '心愿与诉求类别', note: '全区共用，区级管理员设置', page: 'settings-categories' },
];

/** 系统设置 (admin): the settings of what the community already runs. */
function SettingsPage() {
  return (
    <PageShell className="admin-settings">
      <Text className="admin-intro">积分超市、积分有效期、美德目录和商家上限只对你所在社区生效；类别全区共用。修改后立即生效。</Text>
      <View className="cells">
        {links.map((l) => (
          <View key={l.page} className="cell cell--link" onClick={() => void Taro.navigateTo({ url: `/package-admin/${l.page}/index` })}>
            <Text className="cell__body cell__title">{l.text}</Text>
            <Text className="cell__value">{l.note}</Text>
          </View>
        ))}
      </View>
    </PageShell>
  );
}

export default SettingsPage;
