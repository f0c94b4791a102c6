export default definePageConfig({ navigationBarTitleText: '确认报名信息' })
