export default definePageConfig({ navigationBarTitleText: '美德信用目录' });
