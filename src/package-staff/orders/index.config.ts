export default definePageConfig({ navigationBarTitleText: '兑换领取', enablePullDownRefresh: true });
