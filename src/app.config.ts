// Main package: what every resident and member uses. Organiser screens (grid worker, staff) live in
// the `package-grid` subpackage so the main package stays small for the many who never open them.
export default defineAppConfig({
  pages: ['pages/wall/index', 'pages/me/index', 'pages/wish-new/index', 'pages/wish-mine/index'],
  subPackages: [{ root: 'package-grid', pages: ['queue/index'] }],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#ededed',
    navigationBarBackgroundColor: '#ededed',
    navigationBarTitleText: '邻里',
    navigationBarTextStyle: 'black',
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
  lazyCodeLoading: 'requiredComponents',
});
