export default definePageConfig({ navigationBarTitleText: '成绩合格证明' })
