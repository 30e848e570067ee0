export default definePageConfig({ navigationBarTitleText: '党员积分排名', enablePullDownRefresh: true });
