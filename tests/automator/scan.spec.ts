import path from 'node:path'
import { makeIdNumber } from '../../mock-server/scenarios'
import {
  absent,
  connectApp,
  element,
  openPage,
  pageAt,
  tap,
  type,
  waitForText,
  waitUntil,
  type MiniProgram,
} from './support/app'
import { logInNewCandidate, withPickedImage } from './support/candidate'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

// 扫描学历查询结果 (issue 6): scan a 学信网 screenshot fixture, see the fields filled and marked 请核对, correct one,
// save, and find the record in the list as 未核验. Selects only by the pages' ids.

const XUEXIN = path.join(__dirname, '..', 'fixtures', 'xuexin')

describe('screenshot scanner', () => {
  let mp: MiniProgram
  const seq = 500 + Math.floor(Math.random() * 400)

  beforeAll(async () => {
    mp = await connectApp()
  }, HOOK_TIMEOUT_MS)
  afterAll(() => mp?.disconnect(), HOOK_TIMEOUT_MS)

  it('fills the education form from a 学信网 screenshot; the corrected record is saved as 未核验', async () => {
    // The candidate of the fixture (王晓燕, born 1998-05-12), logged in through the login page.
    const username = `scanqa${seq}`
    await logInNewCandidate(mp, {
      username,
      password: 'ScanQa#2026',
      name: '王晓燕',
      idNumber: makeIdNumber('440106', '19980512', String(seq)),
    })

    const list = await openPage(mp, '/packages/profile/records/index?kind=education', '#education-page')
    await tap(list, '#education-add')
    const form = await pageAt(mp, 'packages/profile/record-form/index')
    await element(form, '#education-form-page')

    await withPickedImage(mp, path.join(XUEXIN, 'phone-750-wang.jpg'), async () => {
      await tap(form, '#education-scan')
      // Real OCR on the mock server: the first scan also loads the models.
      await element(form, '#education-scan-result', 90000)
    })

    expect(await waitForText(form, '#education-form-date', (t) => t === '2020-06-30')).toBe('2020-06-30')
    expect(await waitForText(form, '#education-form-major', (t) => t === '护理学')).toBe('护理学')
    expect(await waitForText(form, '#education-form-level', (t) => t === '本科')).toBe('本科')
    for (const id of ['certificate', 'school', 'date', 'major', 'level', 'mode']) {
      expect(await waitForText(form, `#education-form-${id}-tag`, (t) => t === '请核对')).toBe('请核对')
    }
    expect(await absent(form, '#education-scan-mismatch')).toBe(true)

    // The candidate corrects the certificate number: its mark goes.
    await type(form, '#education-form-certificate', '121211202005000847')
    await waitUntil('the certificate mark gone', () => absent(form, '#education-form-certificate-tag'))

    await tap(form, '#education-save')
    const back = await pageAt(mp, 'packages/profile/records/index')
    await waitForText(back, '#education-item-0-status', (t) => t === '未核验', 10000)
    // The real OCR alone may take 90 s on a loaded machine (see above): the test's own limit must hold it and more.
  }, 180_000)
})
