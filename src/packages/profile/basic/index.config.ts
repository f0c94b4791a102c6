export default definePageConfig({ navigationBarTitleText: '基础信息' })
