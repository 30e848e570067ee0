export default definePageConfig({ navigationBarTitleText: '热线对接' });
