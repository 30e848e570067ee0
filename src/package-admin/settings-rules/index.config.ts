export default definePageConfig({ navigationBarTitleText: '积分有效期' });
