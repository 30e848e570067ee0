export default definePageConfig({ navigationBarTitleText: '三方议事', enablePullDownRefresh: true });
