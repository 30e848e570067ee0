export default definePageConfig({ navigationBarTitleText: '加分 / 扣分' });
