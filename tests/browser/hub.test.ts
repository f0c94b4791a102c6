import path from 'node:path'
import { makeIdNumber } from '../../mock-server/scenarios'
import { startH5Rig, type H5Rig } from '../support/h5-page'
import { postEducationRecord } from '../support/records'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

jest.setTimeout(90_000)

const PHOTOS = path.join(__dirname, '..', 'fixtures', 'photos')
/** Set HUB_SHOTS=<dir> to keep a screenshot of each hub page (for looking at them). */
const SHOTS = process.env.HUB_SHOTS

/** The personal-info hub (issue 5) on the H5 build in headless Chromium, against the mock server. */
describe('personal-info hub (H5)', () => {
  let rig: H5Rig
  let seq = 700
  beforeAll(async () => {
    rig = await startH5Rig()
  }, HOOK_TIMEOUT_MS)
  afterAll(() => rig.close(), HOOK_TIMEOUT_MS)

  const $ = (selector: string) => rig.$(selector)
  const tap = (id: string) => $(`#${id}`).click()
  const waitPage = (rootId: string) => rig.waitPage(rootId)
  const text = (id: string) => rig.text(id)
  const shot = (name: string) => rig.shot(SHOTS, name)

  /** A fresh candidate with a session put where the app keeps it (Taro's storage format), then the hub. */
  async function loggedIn(): Promise<string> {
    seq++
    const username = `hubui${seq}`
    await rig.mock.qaApi('createCandidate', {
      username,
      password: 'Hub#2026x',
      name: '赵敏',
      idNumber: makeIdNumber('330106', '19920318', String(seq)),
    })
    await rig.openLoggedIn(username, 'pages/hub/index', 'hub-page')
    await $('#hub-apply').waitFor()
    return username
  }

  async function choosePhoto(file: string) {
    const chooser = rig.page.waitForEvent('filechooser')
    await tap('photo-choose')
    await (await chooser).setFiles(path.join(PHOTOS, file))
  }

  test('a new candidate goes from locked to unlocked', async () => {
    const username = await loggedIn()
    expect(await text('hub-photo-status')).toBe('未上传')
    expect(await text('hub-education-status')).toBe('未添加')
    expect(await text('hub-binding-status')).toBe('未绑定')
    expect(await text('hub-apply-locked-reason')).toBe('请先上传照片、添加学历信息、完成账号绑定，再进行网上报名')
    await shot('hub-locked')

    // 基础信息
    await tap('hub-basic')
    await waitPage('basic-page')
    expect(await text('basic-id-number')).toMatch(/^3301\*{10}\d{3}[\dX]$/)
    expect(await text('basic-photo-status')).toBe('未上传')
    await $('#basic-cancel-account').waitFor()
    await shot('basic')
    await rig.page.goBack()
    await waitPage('hub-page')

    // 照片
    await tap('hub-photo')
    await waitPage('photo-page')
    await shot('photo-empty')
    await choosePhoto('valid-358x441.jpg')
    await $('#photo-upload').waitFor()
    await shot('photo-chosen')
    await tap('photo-upload')
    await rig.page.waitForFunction(
      () => document.querySelector('.taro_page_show #photo-status')?.textContent?.trim() === '待核验',
    )
    await $('#photo-image').waitFor()
    await shot('photo-pending')
    await rig.page.goBack()
    await waitPage('hub-page')
    await rig.page.waitForFunction(
      () => document.querySelector('.taro_page_show #hub-photo-status')?.textContent?.trim() === '待核验',
    )

    // 学历信息: add by typing, then QA verifies it
    await tap('hub-education')
    await waitPage('education-page')
    await shot('education-empty')
    await tap('education-add')
    await waitPage('education-form-page')
    await $('#education-form-certificate input').fill('104321202005001234')
    await $('#education-form-school input').fill('协和')
    await $('#education-form-school-option-0').click()
    await pickDate()
    await pickOption('education-form-major', 0)
    await pickOption('education-form-level', 2)
    await pickOption('education-form-mode', 0)
    await shot('education-form')
    await tap('education-save')
    await waitPage('education-page')
    await $('#education-item-0').waitFor()
    expect(await text('education-item-0-status')).toBe('待核验')
    await rig.mock.qaApi('recordOutcome', { username, outcome: 'verified' })
    await rig.page.reload()
    await waitPage('education-page')
    expect(await text('education-item-0-status')).toBe('核验通过')
    expect(await $('#education-delete-0').count()).toBe(0)
    await shot('education-verified')

    // 账号绑定
    await rig.page.goto(`${rig.h5Url}/#/packages/profile/binding/index`)
    await waitPage('binding-page')
    await tap('binding-bind')
    await rig.page.waitForFunction(
      () => document.querySelector('.taro_page_show #binding-status')?.textContent?.trim() === '已绑定',
    )
    await $('#binding-qr').waitFor()
    await shot('binding')

    await rig.page.goto(`${rig.h5Url}/#/pages/hub/index`)
    await waitPage('hub-page')
    await rig.page.waitForFunction(
      () => document.querySelector('.taro_page_show #hub-binding-status')?.textContent?.trim() === '已绑定',
    )
    expect(await text('hub-education-status')).toBe('已核验 1 条')
    expect(await $('#hub-apply-locked-reason').count()).toBe(0)
    await shot('hub-unlocked')
  })

  test('a photo with too few pixels is refused before upload, naming what is wrong', async () => {
    await loggedIn()
    await rig.page.goto(`${rig.h5Url}/#/packages/profile/photo/index`)
    await waitPage('photo-page')
    await choosePhoto('few-pixels-260x380.jpg')
    expect(await text('photo-error')).toBe(
      '照片像素不足：须至少 295×413（宽×高），所选照片为 260×380，宽度不足 295、高度不足 413',
    )
    expect(await $('#photo-upload').count()).toBe(0)
    // The first refusal stays on screen until the second file is read: wait for it to be replaced.
    const first = await text('photo-error')
    await choosePhoto('not-jpeg-358x441.png')
    await rig.page.waitForFunction(
      ([selector, previous]) => document.querySelector(selector)?.textContent?.trim() !== previous,
      [rig.shown('#photo-error'), first] as const,
    )
    expect(await text('photo-error')).toBe(
      '照片格式不符：只能上传 JPG/JPEG 格式，所选文件为 PNG照片文件太小：须大于 45 KB，所选文件为 3.6 KB（请勿压缩照片）',
    )
    await shot('photo-refused')
  })

  test('a sixth education record is refused', async () => {
    const username = await loggedIn()
    const { token } = await rig.mock.qaApi('createSession', { username })
    for (let i = 0; i < 5; i++) {
      const res = await postEducationRecord(rig.mock.url, token, `10432120200500${1000 + i}`)
      expect(res.status).toBe(201)
    }
    await rig.page.goto(`${rig.h5Url}/#/packages/profile/records/index?kind=education`)
    await waitPage('education-page')
    await $('#education-item-4').waitFor()
    expect(await text('education-full')).toBe('学历信息最多添加 5 条')
    expect(await $('#education-add').getAttribute('disabled')).not.toBeNull()
    await shot('education-full')
  })

  const pickOption = (id: string, index: number) => rig.pickOption(id, index)

  /** The date is three wheels (year, month, day); empty, they open on today and 确定 takes it. */
  async function pickDate() {
    await pickOption('education-form-date-year', 0)
    await pickOption('education-form-date-month', 0)
    await pickOption('education-form-date-day', 0)
    expect(await text('education-form-date')).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  }
})
