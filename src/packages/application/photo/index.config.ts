export default definePageConfig({ navigationBarTitleText: '考试照片' })
