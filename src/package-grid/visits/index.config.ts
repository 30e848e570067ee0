export default definePageConfig({ navigationBarTitleText: '今日走访', enablePullDownRefresh: true });
