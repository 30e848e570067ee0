// Main package: what every resident and member uses. Organiser screens live in subpackages (`package-grid`
// for wish review and dispatch, `package-staff` for the community's points work) so the main package stays
// small for the many who never open them.
export default defineAppConfig({
  pages: [
    'pages/wall/index',
    'pages/me/index',
    'pages/wish-new/index',
    'pages/wish-mine/index',
    'pages/wish-detail/index',
    'pages/tasks/index',
    'pages/points/index',
    'pages/mall/index',
    'pages/ranking/index',
    'pages/petition-new/index',
    'pages/petition-mine/index',
    'pages/petition-detail/index',
    'pages/points-code/index',
    'pages/shops/index',
    'pages/shops/rate',
    // 入驻: a newcomer's welcome and the join page building codes open (`scene` = the building).
    'pages/welcome/index',
    'pages/join/index',
    'pages/profile/index',
    'pages/my-data/index',
    // 消息: every notice the app sent the person, in the app (issue 14).
    'pages/messages/index',
  ],
  subPackages: [
    { root: 'package-grid', pages: ['queue/index', 'joins/index', 'visits/index', 'household/index', 'coverage/index'] },
    // The petition ladder's handlers: grid workers, community, street, department and district staff.
    { root: 'package-petition', pages: ['queue/index', 'handle/index', 'supervise/index'] },
    {
      root: 'package-staff',
      pages: [
        'hub/index',
        'adjust/index',
        'party/index',
        'virtue/index',
        'awards/index',
        'orders/index',
        'fee/index',
        'reconcile/index',
        'close/index',
        'merchants/index',
        'inspect/index',
        'history/index',
      ],
    },
    // 双报到: a party member's report (residents) and the community's review of members and units (staff).
    // 数据看板 (issue 14): staff read the numbers of their place (charts by @antv/f2, kept in this subpackage), the cases
    // behind a number and the grid ranking.
    { root: 'package-report', pages: ['member/index', 'unit/index', 'review/index', 'dashboard/index', 'cases/index', 'ranking/index'] },
    // 民主评议 (issue 16): members' and residents' ratings, staff's round, the published results.
    { root: 'package-review', pages: ['rate/index', 'manage/index', 'results/index'] },
    // 爱心商家: scan & charge, the day's charges, the shop, and the application to become one.
    { root: 'package-merchant', pages: ['scan/index', 'history/index', 'shop/index', 'apply/index'] },
    // 管理员: the org tree, building codes, the roster (人口台账), roles and the settings of what the community runs (issue 12; grid
    // workers and staff read the tree and codes of their part).
    {
      root: 'package-admin',
      pages: [
        'tree/index',
        'unit/index',
        'codes/index',
        'roster/index',
        'roster-import/index',
        'roles/index',
        'settings/index',
        'settings-mall/index',
        'settings-rules/index',
        'settings-virtue/index',
        'settings-merchant/index',
        'settings-categories/index',
        'settings-hotline/index',
      ],
    },
    // 岗位认领: members claim service posts and serve duty shifts; staff publish and correct; residents rate.
    { root: 'package-posts', pages: ['list/index', 'shifts/index', 'manage/index', 'edit/index'] },
    // 三张清单 (issue 16): needs, resources and projects; units claim projects, residents rate them.
    { root: 'package-projects', pages: ['lists/index', 'project/index', 'edit/index'] },
    // 我的家庭: 代办人 (a child bound, with the parent's consent, to file for an elderly parent).
    { root: 'package-family', pages: ['home/index'] },
    // 社区月报: a month's bulletin (staff preview and publish the draft, residents read) and the archive by month.
    { root: 'package-bulletin', pages: ['read/index', 'archive/index'] },
    // 数据导出: staff export cases, postings, volunteer hours and 社区月报 as XLSX / CSV (issue 14).
    { root: 'package-export', pages: ['export/index'] },
    // 三方议事: topics, meetings, minutes, household votes and follow-up tasks (issue 16).
    { root: 'package-council', pages: ['list/index', 'topic/index', 'raise/index', 'schedule/index', 'minutes/index', 'members/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#ededed',
    navigationBarBackgroundColor: '#ededed',
    navigationBarTitleText: '邻里',
    navigationBarTextStyle: 'black',
    // The weapp draws its own title bar; this makes Taro's H5 build draw one too, with a back button.
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#7f7f7f',
    selectedColor: '#07c160',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/wall/index', text: '心愿墙', iconPath: 'assets/tab-wall.png', selectedIconPath: 'assets/tab-wall-on.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab-me.png', selectedIconPath: 'assets/tab-me-on.png' },
    ],
  },
  // The status chip is a native custom component on weapp (see components/wish-status/native).
  usingComponents: process.env.TARO_ENV === 'weapp' ? { 'wish-status': './components/wish-status/native/index' } : {},
  // WeChat refuses getLocation and chooseLocation unless declared, and shows `desc` when it asks for the
  // location: a petition can be placed where the person stands or on the map (我要反映).
  // docs/privacy-guide.md lists the same private APIs (and getPhoneNumber, chooseImage) for the 用户隐私保护指引 form;
  // WeChat asks consent through Linli's own popup (components/privacy-popup, onNeedPrivacyAuthorization).
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: { 'scope.userLocation': { desc: '用于确定你反映的问题所在的位置' } },
  lazyCodeLoading: 'requiredComponents',
});
