export default definePageConfig({ navigationBarTitleText: '三张清单' });
