export default definePageConfig({ navigationBarTitleText: '人口台账' });
