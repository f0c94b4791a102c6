import path from 'node:path'
import { makeIdNumber } from '../../mock-server/scenarios'
import { absent, connectedApp, element, openPage, pageAt, tap, waitForText, waitUntil, type Page } from './support/app'
import { logInNewCandidate, withPickedImage } from './support/candidate'
import { saveEducationRecord } from './support/records'
import { qaApi } from './support/qa'
import { postEducationRecord } from '../support/records'

// 个人信息管理 (issue 5): from locked to unlocked, the photo checks, the record limit, a verified record's missing
// delete. Selects only by the pages' ids; verification outcomes come from the QA API, as in the devtools.

const PHOTOS = path.join(__dirname, '..', 'fixtures', 'photos')

describe('personal-info hub', () => {
  const mp = connectedApp()
  let seq = 900 + Math.floor(Math.random() * 90)

  /** A new candidate, logged in through the login page; resolves on the hub. */
  async function newCandidateOnHub(): Promise<{ username: string; hub: Page }> {
    seq++
    const username = `hubqa${seq}`
    const hub = await logInNewCandidate(mp, {
      username,
      password: 'HubQa#2026',
      name: '钱多多',
      idNumber: makeIdNumber('440106', '19900101', String(seq)),
    })
    await element(hub, '#hub-apply')
    return { username, hub }
  }

  async function choosePhoto(page: Page, fixture: string) {
    await withPickedImage(mp, path.join(PHOTOS, fixture), async () => {
      await tap(page, '#photo-choose')
      await waitUntil(
        'the photo checked',
        async () => (await page.$$('#photo-upload')).length + (await page.$$('#photo-error')).length,
      )
    })
  }

  it('a new candidate completes the hub from locked to unlocked', async () => {
    const { username, hub } = await newCandidateOnHub()
    expect(await waitForText(hub, '#hub-apply-locked-reason', (t) => t.includes('上传照片'))).toBe(
      '请先上传照片、添加学历信息、完成账号绑定，再进行网上报名',
    )

    // Photo: a real JPEG, checked on the phone, uploaded, then 待核验.
    const photo = await openPage(mp, '/packages/profile/photo/index', '#photo-page')
    await choosePhoto(photo, 'valid-358x441.jpg')
    await tap(photo, '#photo-upload')
    await waitForText(photo, '#photo-status', (t) => t === '待核验', 10000)

    // An education record typed in, then verified by QA.
    const form = await openPage(mp, '/packages/profile/record-form/index?kind=education', '#education-form-page')
    await saveEducationRecord(form)
    const list = await pageAt(mp, 'packages/profile/records/index').catch(() =>
      openPage(mp, '/packages/profile/records/index?kind=education', '#education-page'),
    )
    await waitForText(list, '#education-item-0-status', (t) => t === '待核验', 10000)
    await qaApi('recordOutcome', { username, outcome: 'verified' })

    // Binding the current platform account.
    const binding = await openPage(mp, '/packages/profile/binding/index', '#binding-page')
    await tap(binding, '#binding-bind')
    await waitForText(binding, '#binding-status', (t) => t === '已绑定', 10000)
    await element(binding, '#binding-qr')

    const unlocked = await openPage(mp, '/pages/hub/index', '#hub-page')
    await waitForText(unlocked, '#hub-binding-status', (t) => t === '已绑定', 10000)
    expect(await waitForText(unlocked, '#hub-education-status', (t) => t.includes('已核验'))).toBe('已核验 1 条')
    expect(await absent(unlocked, '#hub-apply-locked-reason')).toBe(true)
  })

  it('refuses a photo with too few pixels, naming what is wrong, before any upload', async () => {
    await newCandidateOnHub()
    const photo = await openPage(mp, '/packages/profile/photo/index', '#photo-page')
    await choosePhoto(photo, 'few-pixels-260x380.jpg')
    expect(await waitForText(photo, '#photo-error', (t) => t.length > 0)).toBe(
      '照片像素不足：须至少 295×413（宽×高），所选照片为 260×380，宽度不足 295、高度不足 413',
    )
    expect(await absent(photo, '#photo-upload')).toBe(true)
    expect(await waitForText(photo, '#photo-status', (t) => t.length > 0)).toBe('未上传')
  })

  it('refuses a sixth education record, and a verified record has no delete', async () => {
    const { username } = await newCandidateOnHub()
    const { token } = await qaApi('createSession', { username })
    const mock = process.env.MOCK_URL as string
    for (let i = 0; i < 5; i++) {
      const res = await postEducationRecord(mock, token, `10432120200500${1000 + i}`)
      expect(res.status).toBe(201)
    }
    await qaApi('recordOutcome', { username, outcome: 'verified' })
    const list = await openPage(mp, '/packages/profile/records/index?kind=education', '#education-page')
    await element(list, '#education-item-4')
    expect(await waitForText(list, '#education-full', (t) => t.length > 0)).toBe('学历信息最多添加 5 条')
    expect(await waitForText(list, '#education-item-0-status', (t) => t.length > 0)).toBe('核验通过')
    expect(await absent(list, '#education-delete-0')).toBe(true)
    await element(list, '#education-delete-1')

    // The server refuses the sixth too, whatever the page shows.
    const sixth = await postEducationRecord(mock, token, '104321202005002000')
    expect(sixth.status).toBe(409)
    expect(((await sixth.json()) as { error: { code: string } }).error.code).toBe('RECORD_LIMIT')
  })
})
