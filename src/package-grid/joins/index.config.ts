export default definePageConfig({ navigationBarTitleText: '入驻审核', enablePullDownRefresh: true });
