export default definePageConfig({ navigationBarTitleText: '心愿审核' });
