export default definePageConfig({ navigationBarTitleText: '往期月报', enablePullDownRefresh: true });
