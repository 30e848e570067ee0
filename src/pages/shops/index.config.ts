export default definePageConfig({ navigationBarTitleText: '美德商铺', enablePullDownRefresh: true });
