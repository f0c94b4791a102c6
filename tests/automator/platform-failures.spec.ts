import { makeIdNumber } from '../../mock-server/scenarios'
import { absent, connectedApp, openPage, tap, waitForText } from './support/app'
import { logInNewCandidate } from './support/candidate'
import { skipOn } from './support/platform'

// When the platform's own ability fails (the photo picker refused, no permission), the candidate sees why and
// nothing is uploaded. The failure is mocked in wx shape, as QA does in the devtools; every backend maps it onto
// its platform (Alipay's my.chooseImage in the mini-program host).
describe('platform failures', () => {
  const mp = connectedApp()
  const seq = 100 + Math.floor(Math.random() * 800)

  skipOn({
    h5: 'the H5 bridge turns only a cancel of a mocked chooseMedia into a platform failure (page-runtime.js); any other :fail result reaches the page as a picked file',
  })('a refused photo picker shows its message on the photo page, and no upload starts', async () => {
    await logInNewCandidate(mp, {
      username: `pfqa${seq}`,
      password: 'PfQa#2026x',
      name: '赵敏',
      idNumber: makeIdNumber('440106', '19920203', String(seq)),
    })
    const photo = await openPage(mp, '/packages/profile/photo/index', '#photo-page')
    await mp.mockWxMethod('chooseMedia', { errMsg: 'chooseMedia:fail auth deny' })
    try {
      await tap(photo, '#photo-choose')
      expect(await waitForText(photo, '#photo-upload-error', (t) => t.length > 0)).toBe(
        '无法打开相册或相机，请检查授权后重试',
      )
    } finally {
      await mp.restoreWxMethod('chooseMedia')
    }
    expect(await absent(photo, '#photo-upload')).toBe(true)
  })
})
