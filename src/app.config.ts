export default defineAppConfig({
  pages: [
    'pages/login/index',
    'pages/register/index',
    'pages/recover/index',
    'pages/agreement/index',
    'pages/hub/index',
    'pages/account-cancel/index',
  ],
  subPackages: [
    // The hub's item pages (issue 5): only the hub itself is in the main package.
    {
      root: 'packages/profile',
      pages: ['basic/index', 'photo/index', 'records/index', 'record-form/index', 'binding/index'],
    },
    // After submission (issue 14): the tracker, materials, payment and messages.
    { root: 'packages/process', pages: ['tracker/index', 'materials/index', 'pay/index', 'messages/index'] },
    // After the exam (issue 15): admission ticket, scores, certificate.
    { root: 'packages/results', pages: ['ticket/index', 'scores/index', 'certificate/index'] },
    // 网上报名 (issue 13): the exams list and the wizard.
    {
      root: 'packages/application',
      pages: [
        'index',
        'province/index',
        'declaration/index',
        'centre/index',
        'basic/index',
        'contact/index',
        'exam-info/index',
        'education/index',
        'work-info/index',
        'photo/index',
        'review/index',
        'form/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1456b8',
    navigationBarTitleText: '考生服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
  },
})
