export default definePageConfig({ navigationBarTitleText: '待确认积分', enablePullDownRefresh: true });
