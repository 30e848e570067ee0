export default definePageConfig({ navigationBarTitleText: '心愿与诉求类别' });
