export default definePageConfig({ navigationBarTitleText: '心愿审核与派单', enablePullDownRefresh: true });
