export default definePageConfig({ navigationBarTitleText: '物业费抵扣' });
