export default definePageConfig({ navigationBarTitleText: '走访卡片' });
