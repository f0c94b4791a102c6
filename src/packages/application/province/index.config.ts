export default definePageConfig({ navigationBarTitleText: '选择考区' })
