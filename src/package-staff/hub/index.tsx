import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';

/** The community's points work, grouped as staff think of it: giving points, checking them, and the books. */
const groups: { title: string; links: { text: string; note: string; page: string }[] }[] = [
  {
    title: '发放与扣减',
    links: [
      { text: '加分 / 扣分', note: '任意积分，写明原因', page: 'adjust' },
      { text: '党员积分录入', note: '1+1−1，附佐证', page: 'party' },
      { text: '美德信用积分', note: '按目录为居民记分', page: 'virtue' },
    ],
  },
  {
    title: '待办',
    links: [
      { text: '待确认积分', note: '超限或频繁互动的心愿积分', page: 'awards' },
      { text: '兑换领取', note: '积分超市待交付订单', page: 'orders' },
      { text: '物业费抵扣', note: '志愿服务积分抵物业费', page: 'fee' },
    ],
  },
  {
    title: '爱心商家',
    links: [
      { text: '商家审核', note: '入驻申请、暂停店铺', page: 'merchants' },
      { text: '店铺检查', note: '卫生、价格、占道、文明打分', page: 'inspect' },
    ],
  },
  { title: '双报到', links: [{ text: '报到审核', note: '党员、共建单位报到与年度考评', page: '/package-report/review/index' }] },
  { title: '数据', links: [{ text: '网格排名', note: '各网格按期办结率、满意率、志愿服务时长', page: '/package-report/ranking/index' }] },
  { title: '月通报', links: [{ text: '社区月报', note: '核对上月草稿，写寄语并发布', page: '/package-bulletin/read/index' }] },
  { title: '岗位认领', links: [{ text: '岗位管理', note: '发布岗位、值班记录与更正', page: '/package-posts/manage/index' }] },
  {
    title: '账目',
    links: [
      { text: '积分明细与冲正', note: '查一个人的明细，冲正记错的积分', page: 'history' },
      { text: '积分对账', note: '记录与余额是否一致', page: 'reconcile' },
      { text: '月度结算', note: '冻结排名，评明星党员', page: 'close' },
    ],
  },
];

/** A tool of this subpackage by its folder, or another subpackage's page by its full path. */
const pageUrl = (page: string) => (page.startsWith('/') ? page : `/package-staff/${page}/index`);

/** 积分管理 (community staff): the way into the staff subpackage. */
function StaffHubPage() {
  return (
    <PageShell className="staff-hub">
      {groups.map((g) => (
        <View key={g.title}>
          <Text className="section-title">{g.title}</Text>
          <View className="cells">
            {g.links.map((l) => (
              <View key={l.page} className="cell cell--link" onClick={() => void Taro.navigateTo({ url: pageUrl(l.page) })}>
                <Text className="cell__body cell__title">{l.text}</Text>
                <Text className="cell__value">{l.note}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </PageShell>
  );
}

export default StaffHubPage;
