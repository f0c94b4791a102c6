export default definePageConfig({ navigationBarTitleText: '工作情况' })
