export default definePageConfig({ navigationBarTitleText: '教育情况' })
