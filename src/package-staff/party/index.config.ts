export default definePageConfig({ navigationBarTitleText: '党员积分录入' });
