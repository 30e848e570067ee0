export default definePageConfig({ navigationBarTitleText: '值班记录' });
