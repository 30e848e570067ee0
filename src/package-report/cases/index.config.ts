export default definePageConfig({ navigationBarTitleText: '案件清单', enablePullDownRefresh: true });
