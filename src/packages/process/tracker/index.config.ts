export default definePageConfig({ navigationBarTitleText: '报考流程', enablePullDownRefresh: true })
