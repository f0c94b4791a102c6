export default definePageConfig({ navigationBarTitleText: '网上报名' })
