export default definePageConfig({ navigationBarTitleText: '报名声明' })
