import fs from 'node:fs'
import path from 'node:path'
import { makeIdNumber } from '../../mock-server/scenarios'
import {
  absent,
  connectApp,
  element,
  openPage,
  tap,
  type,
  waitForText,
  waitUntil,
  type MiniProgram,
} from './support/app'
import { qa } from './support/qa'

// 扫描学历查询结果 (issue 6): scan a 学信网 screenshot fixture, see the fields filled and marked 请核对, correct one,
// save, and find the record in the list as 未核验. Selects only by the pages' ids.

const XUEXIN = path.join(__dirname, '..', 'fixtures', 'xuexin')

/**
 * The screenshot the candidate "picks": a mocked chooseMedia that hands the app a real JPEG. In the devtools it is
 * written to the user data folder; in a browser (the H5 bridge) it becomes a blob URL.
 */
function pickedScreenshot(_options: unknown, base64: string, size: number) {
  const g = globalThis as unknown as {
    wx?: {
      env?: { USER_DATA_PATH?: string }
      getFileSystemManager?: () => { writeFileSync: (p: string, d: string, e: string) => void }
    }
    atob?: (s: string) => string
    Blob?: typeof Blob
    URL?: typeof URL
  }
  let filePath: string
  if (g.Blob && g.URL && g.atob && typeof document !== 'undefined') {
    const binary = g.atob(base64)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    filePath = g.URL.createObjectURL(new g.Blob([bytes], { type: 'image/jpeg' }))
  } else {
    filePath = `${g.wx?.env?.USER_DATA_PATH}/qa-scan-${Date.now()}.jpg`
    g.wx?.getFileSystemManager?.().writeFileSync(filePath, base64, 'base64')
  }
  return { errMsg: 'chooseMedia:ok', type: 'image', tempFiles: [{ tempFilePath: filePath, size, fileType: 'image' }] }
}

describe('screenshot scanner', () => {
  let mp: MiniProgram
  const seq = 500 + Math.floor(Math.random() * 400)

  beforeAll(async () => {
    mp = await connectApp()
  })
  afterAll(() => mp?.disconnect())

  it('fills the education form from a 学信网 screenshot; the corrected record is saved as 未核验', async () => {
    // The candidate of the fixture (王晓燕, born 1998-05-12), logged in through the login page.
    const username = `scanqa${seq}`
    const password = 'ScanQa#2026'
    await qa('/__qa/candidates', {
      username,
      password,
      name: '王晓燕',
      idNumber: makeIdNumber('440106', '19980512', String(seq)),
    })
    const login = await openPage(mp, '/pages/login/index', '#login-page')
    await type(login, '#login-username', username)
    await type(login, '#login-password', password)
    await element(login, '#login-captcha-image')
    const { answer } = await qa<{ answer: string }>('/__qa/captcha/last')
    await type(login, '#login-captcha', answer)
    await tap(login, '#login-agree')
    await tap(login, '#login-submit')
    await waitUntil('the hub after login', async () => (await mp.currentPage())?.path === 'pages/hub/index', 15000)

    const list = await openPage(mp, '/packages/profile/records/index?kind=education', '#education-page')
    await tap(list, '#education-add')
    const form = await waitUntil(
      'the education form',
      async () => {
        const p = await mp.currentPage()
        return p?.path === 'packages/profile/record-form/index' ? p : null
      },
      10000,
    )
    await element(form, '#education-form-page')

    const base64 = fs.readFileSync(path.join(XUEXIN, 'phone-750-wang.jpg')).toString('base64')
    await mp.mockWxMethod('chooseMedia', pickedScreenshot, base64, Buffer.from(base64, 'base64').length)
    try {
      await tap(form, '#education-scan')
      // Real OCR on the mock server: the first scan also loads the models.
      await element(form, '#education-scan-result', 90000)
    } finally {
      await mp.restoreWxMethod('chooseMedia')
    }

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
    const back = await waitUntil(
      'the education list',
      async () => {
        const p = await mp.currentPage()
        return p?.path === 'packages/profile/records/index' ? p : null
      },
      10000,
    )
    await waitForText(back, '#education-item-0-status', (t) => t === '未核验', 10000)
  })
})
