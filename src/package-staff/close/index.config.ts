export default definePageConfig({ navigationBarTitleText: '月度结算' });
