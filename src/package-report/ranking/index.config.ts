export default definePageConfig({ navigationBarTitleText: '网格排名', enablePullDownRefresh: true });
