export default definePageConfig({ navigationBarTitleText: '发布纪要和决定' });
