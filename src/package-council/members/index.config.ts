export default definePageConfig({ navigationBarTitleText: '议事成员' });
