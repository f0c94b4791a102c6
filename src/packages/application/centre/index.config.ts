export default definePageConfig({ navigationBarTitleText: '考点信息' })
