import path from 'node:path'
import {
  answerModal,
  connectedApp,
  element,
  openPage,
  pageAt,
  relaunchAt,
  tap,
  textOf,
  type,
  waitForText,
  waitUntil,
  type Page,
} from './support/app'
import { mockUrl } from './support/env'
import { agreeToDeclarations } from './support/application'
import { logInWithPassword, withPickedImage } from './support/candidate'
import type { QaResponseOf } from '../../types/qa'
import { qaApi } from './support/qa'
import { saveAndRead, withAlbumRefused } from './support/saved-images'
import { STEP_BUTTON, SUBMIT_BUTTON } from '../../domain/glossary'

// 网上报名 (issue 13): exams list → province → declarations → six steps → photo → review → form, for a new candidate
// (apply-open) and a historical one in 北京 (confirmed at once); withdraw and resubmit changes the 验证码; a half-typed
// step survives a relaunch; refused rules show their messages. Ids and classes only, so it runs on every target.

const DEMO = { username: 'demo2026', password: 'Exam@2026pass' }
const PHOTO = path.join(__dirname, '..', 'fixtures', 'photos', 'valid-358x441.jpg')
/** The QA API by name (types/qa.ts), on the mock server the run started. */

type QaApplication = QaResponseOf<'applications'>['applications'][number]

describe('online application wizard', () => {
  const mp = connectedApp()

  async function logIn(user: { username: string; password: string }): Promise<void> {
    await logInWithPassword(mp, user)
  }

  async function openHealthExam(): Promise<string> {
    const { exams } = await qaApi('applicationCalendar')
    const { now } = await qaApi('clock')
    const exam = exams.find((e) => e.kind === 'health' && e.applyOpensAt <= now && now < e.applyClosesAt)
    if (!exam) throw new Error('no open 卫生 exam in the calendar')
    return exam.id
  }

  async function applications(username: string): Promise<QaApplication[]> {
    return (await qaApi('applications', { username })).applications
  }

  /** Reads both declarations to their ends and agrees; lands on 考点信息. */
  async function acceptDeclarations(page: Page): Promise<Page> {
    // 同意 before reading to the end is refused with a message.
    await tap(page, '#apply-declaration-agree')
    await waitForText(page, '#apply-declaration-error', (t) => t.includes('末尾'))
    return agreeToDeclarations(mp, page)
  }

  /** With APPLY_SCREENSHOTS=<dir>, a phone-sized picture of the page for looking at (no assertion). */
  async function shot(name: string): Promise<void> {
    const dir = process.env.APPLY_SCREENSHOTS
    if (dir) await mp.screenshot({ path: path.join(dir, `${name}.png`) })
  }

  /** 提交报名信息 on the review, confirmed in the platform's modal: the 报名表. */
  async function submitReview(review: Page): Promise<Page> {
    await tap(review, '#apply-review-submit')
    await answerModal(mp, 'confirm')
    return pageAt(mp, 'packages/application/form/index', 15000)
  }

  async function stepState(page: Page, n: number): Promise<string> {
    const el = await element(page, `#apply-step-${n}`)
    const cls = (await el.attribute('class')) ?? ''
    return (/step-(done|current|todo)/.exec(cls) ?? [])[1] ?? ''
  }

  async function pick(page: Page, id: string, value: number | number[]) {
    await (await element(page, `${id}-picker`)).trigger('change', { value })
  }

  async function submitStep(page: Page, pageName: string, next: string): Promise<Page> {
    // Each step saves and moves on (保存并下一步); only the review submits.
    expect(await textOf(page, `#${pageName}-submit`)).toBe(STEP_BUTTON)
    await tap(page, `#${pageName}-submit`)
    await new Promise((r) => setTimeout(r, 1500))
    await shot(`after-${pageName}`)
    return pageAt(mp, next, 15000)
  }

  it('a new candidate goes from the exams list to the application form and saves it', async () => {
    await qaApi('loadScenario', { name: 'apply-open' })
    const examId = await openHealthExam()
    await logIn(DEMO)

    const exams = await openPage(mp, '/packages/application/index', '#apply-exams-page')
    // The list as the server has it after the scenario: no application yet (立即报名). The app may first show what it
    // held from an earlier spec's application of the same candidate (查看报名), which a tap would open instead.
    await waitForText(exams, `#apply-exam-${examId}-open`, (t) => t.includes('立即报名'), 15000)
    await shot('exams')
    await tap(exams, `#apply-exam-${examId}-open`)
    const province = await pageAt(mp, 'packages/application/province/index')
    await tap(province, '#apply-province-option-44')
    const declaration = await pageAt(mp, 'packages/application/declaration/index', 15000)
    await element(declaration, '#apply-declaration-scroll')
    await shot('declaration')
    let page = await acceptDeclarations(declaration)
    await shot('centre')

    // 考点信息: the step bar shows step 1 current, the rest todo; 提交 without a 考点 is refused on the page.
    await element(page, '#apply-steps')
    expect(await stepState(page, 1)).toBe('current')
    expect(await stepState(page, 2)).toBe('todo')
    await tap(page, '#apply-centre-submit')
    expect(await waitForText(page, '#apply-centre-centre-error', (t) => t.length > 0)).toContain('考点')
    await pick(page, '#apply-centre-centre', 0)
    page = await submitStep(page, 'apply-centre', 'packages/application/basic/index')
    expect(await stepState(page, 1)).toBe('done')
    expect(await stepState(page, 2)).toBe('current')

    // 基本信息: identity read-only, ID masked.
    expect(await textOf(page, '#apply-basic-id-number')).toContain('*')
    await shot('basic')
    await (await element(page, '#apply-basic-long-term')).trigger('change', { value: true })
    await pick(page, '#apply-basic-ethnicity', 0)
    page = await submitStep(page, 'apply-basic', 'packages/application/contact/index')

    // 联系方式: a bad mobile and postcode are refused with their messages.
    await type(page, '#apply-contact-mobile', '12345')
    await type(page, '#apply-contact-address', '广东省广州市越秀区中山二路1号')
    await type(page, '#apply-contact-postcode', '000000')
    await tap(page, '#apply-contact-submit')
    await waitForText(page, '#apply-contact-mobile-error', (t) => t.includes('手机'))
    await waitForText(page, '#apply-contact-postcode-error', (t) => t.includes('邮政编码'))
    await shot('contact-errors')
    await type(page, '#apply-contact-mobile', '13800138000')
    await type(page, '#apply-contact-postcode', '510080')
    page = await submitStep(page, 'apply-contact', 'packages/application/exam-info/index')

    // 报考信息: 专业类别 → 级别 → 专业 from the dictionary; 执业类别 not 无 needs 首次注册年月.
    const dicts = (await (await fetch(`${mockUrl()}/api/application/dictionaries?examId=${examId}`)).json()) as {
      categories: Array<{ code: string; practiceCategories: string[] }>
      specialities: Array<{ category: string; level: string }>
      levels: Array<{ code: string }>
    }
    const cat = dicts.categories[0]
    await pick(page, '#apply-exam-info-category', 0)
    await pick(page, '#apply-exam-info-level', 0)
    await pick(page, '#apply-exam-info-speciality', 0)
    const notNone = cat.practiceCategories.findIndex((p) => p !== '无')
    if (notNone >= 0) {
      await pick(page, '#apply-exam-info-practice', notNone)
      await tap(page, '#apply-exam-info-submit')
      await waitForText(page, '#apply-exam-info-first-registration-error', (t) => t.includes('首次注册年月'))
    }
    await pick(page, '#apply-exam-info-practice', cat.practiceCategories.indexOf('无'))
    page = await submitStep(page, 'apply-exam-info', 'packages/application/education/index')

    // 教育情况: only verified hub records.
    await element(page, '.education__record')
    const records = await page.$$('.education__record')
    await records[0].tap()
    page = await submitStep(page, 'apply-education', 'packages/application/work-info/index')

    // 工作情况: 单位名称 其他 needs 单位类别; years within the years since the start.
    const { centres: _c, units } = (await (
      await fetch(`${mockUrl()}/api/application/centres?examId=${examId}&province=44`)
    ).json()) as {
      centres: unknown[]
      units: string[]
    }
    // (The schema checks 单位类别 once the fields it builds on are filled.)
    await pick(page, '#apply-work-start', [2024 - 1960, 7])
    await type(page, '#apply-work-years', '1')
    await pick(page, '#apply-work-unit', units.length - 1)
    await type(page, '#apply-work-other-unit', '广州市某某诊所')
    await tap(page, '#apply-work-submit')
    await waitForText(page, '#apply-work-unit-type-error', (t) => t.includes('单位类别'))
    await shot('work-errors')
    await pick(page, '#apply-work-unit', 0)
    page = await submitStep(page, 'apply-work', 'packages/application/photo/index')

    // The photo 确认使用照片 confirms is shown: the hub's, before this exam has one.
    await element(page, '#apply-photo-hub-image', 15000)
    await tap(page, '#apply-photo-confirm')
    page = await pageAt(mp, 'packages/application/review/index', 15000)
    await element(page, '#apply-review-section-centre')
    // The exam photo is on the review too.
    await element(page, '#apply-review-photo')
    await shot('review')
    expect(await textOf(page, '#apply-review-submit')).toBe(SUBMIT_BUTTON)
    page = await submitReview(page)
    const code = await waitForText(page, '#apply-form-code', (t) => /^[0-9A-Z]{5}-[0-9A-Z]{5}$/.test(t), 10000)
    const [app] = await applications(DEMO.username)
    expect(app.status).toBe('submitted')
    expect(app.code).toBe(code)
    // 保存报名表: the image carries the 验证码, what was typed and the exam photo (where the runner records canvases);
    // with the album permission refused, the page says so and offers the settings.
    const saved = await saveAndRead(page, { save: '#apply-form-save', result: '#apply-form-saved' }, '保存报名表')
    if (saved) {
      const { texts, images } = saved
      for (const part of [code, '13800138000', '510080']) expect(texts).toContain(part)
      expect(texts.join('')).toContain('广东省广州市越秀区中山二路1号')
      expect(saved.overlaps).toEqual([])
      expect(images).toEqual([
        expect.objectContaining({ loaded: true, source: expect.stringMatching(/^\/api\/application-photo\//) }),
      ])
    }
    await withAlbumRefused(mp, async () => {
      await tap(page, '#apply-form-save')
      await waitForText(page, '#apply-form-message', (t) => t.includes('权限'), 15000)
      await element(page, '#apply-form-settings')
    })
    await shot('form')
  })

  it('withdraw and resubmit changes the 验证码', async () => {
    const [before] = await applications(DEMO.username)
    let page = await openPage(mp, `/packages/application/form/index?id=${before.id}`, '#apply-form-page')
    const oldCode = await waitForText(page, '#apply-form-code', (t) => t.length > 0, 10000)
    // 撤回 asks first (destructive): cancelled, nothing changes; confirmed, the application is withdrawn.
    await tap(page, '#apply-withdraw')
    await answerModal(mp, 'cancel')
    await new Promise((r) => setTimeout(r, 1000))
    expect((await applications(DEMO.username))[0].status).toBe('submitted')
    await tap(page, '#apply-withdraw')
    await answerModal(mp, 'confirm')
    await element(page, '#apply-form-edit', 10000)
    await tap(page, '#apply-form-edit')
    page = await pageAt(mp, 'packages/application/review/index', 15000)
    page = await submitReview(page)
    const newCode = await waitForText(page, '#apply-form-code', (t) => t.length > 0 && t !== oldCode, 10000)
    expect(newCode).not.toBe(oldCode)
    // Submitted: 修改考区 is no longer offered, and the server refuses it.
    page = await openPage(mp, `/packages/application/review/index?id=${before.id}`, '#apply-review-page')
    await element(page, '#apply-review-form')
    expect(await page.$$('#apply-change-province')).toHaveLength(0)
  })

  it('a half-typed step survives a relaunch, and the step says it was restored', async () => {
    await qaApi('loadScenario', { name: 'apply-open' })
    const examId = await openHealthExam()
    await logIn(DEMO)
    const exams = await openPage(mp, '/packages/application/index', '#apply-exams-page')
    await tap(exams, `#apply-exam-${examId}-open`)
    await tap(await pageAt(mp, 'packages/application/province/index'), '#apply-province-option-44')
    let page = await acceptDeclarations(await pageAt(mp, 'packages/application/declaration/index', 15000))
    await pick(page, '#apply-centre-centre', 1)
    page = await submitStep(page, 'apply-centre', 'packages/application/basic/index')
    await (await element(page, '#apply-basic-long-term')).trigger('change', { value: true })
    await pick(page, '#apply-basic-ethnicity', 0)
    page = await submitStep(page, 'apply-basic', 'packages/application/contact/index')
    await type(page, '#apply-contact-address', '广东省深圳市福田区深南大道2号')
    await new Promise((r) => setTimeout(r, 800))
    const [app] = await applications(DEMO.username)
    // Before typing, nothing was restored.
    expect(await page.$$('#apply-contact-draft-restored')).toHaveLength(0)
    // Killing the app: a relaunch straight into the step (H5: a reload; the draft is on the device, not in memory);
    // the step shows the draft and says so.
    await relaunchAt(mp, `/packages/application/contact/index?id=${app.id}`)
    page = await pageAt(mp, 'packages/application/contact/index', 15000)
    expect(await waitForText(page, '#apply-contact-draft-restored', (t) => t.length > 0, 15000)).toBe(
      '已恢复未保存的内容',
    )
    const field = await element(page, '#apply-contact-address', 10000)
    await waitUntil('the draft back', async () => (await field.value()) === '广东省深圳市福田区深南大道2号', 10000)
  })

  it('before submitting: a new exam photo (更换考试照片), then another province (修改考区) clears what was filled', async () => {
    await qaApi('loadScenario', { name: 'apply-open' })
    const examId = await openHealthExam()
    await logIn(DEMO)
    const exams = await openPage(mp, '/packages/application/index', '#apply-exams-page')
    await tap(exams, `#apply-exam-${examId}-open`)
    await tap(await pageAt(mp, 'packages/application/province/index'), '#apply-province-option-44')
    await acceptDeclarations(await pageAt(mp, 'packages/application/declaration/index', 15000))
    const [app] = (await qaApi('applications', { username: DEMO.username })).applications

    // 更换考试照片: the photo picked is uploaded for this exam; the hub's stays.
    let page = await openPage(mp, `/packages/application/photo/index?id=${app.id}`, '#apply-photo-page')
    await withPickedImage(mp, PHOTO, async () => {
      await tap(page, '#apply-photo-change')
      await waitForText(page, '#apply-photo-source', (t) => t === '已更换为本次考试的照片', 30000)
    })
    const [withPhoto] = (await qaApi('applications', { username: DEMO.username })).applications
    expect(withPhoto.photo).toMatchObject({ source: 'exam', width: 358, height: 441 })

    // 修改考区 from the review, confirmed in the modal: the application moves, its declarations and photo cleared.
    page = await openPage(mp, `/packages/application/review/index?id=${app.id}`, '#apply-review-page')
    await tap(page, '#apply-change-province')
    const province = await pageAt(mp, 'packages/application/province/index', 15000)
    await tap(province, '#apply-province-option-12')
    await waitUntil(
      'the 修改考区 modal',
      () =>
        mp
          .native()
          .confirmModal()
          .then(() => true),
      10000,
    )
    await pageAt(mp, 'packages/application/declaration/index', 15000)
    const [moved] = (await qaApi('applications', { username: DEMO.username })).applications
    expect(moved).toMatchObject({ id: app.id, province: '12', declarationsAccepted: false, photo: null })
  })

  it('a historical candidate in 北京 is confirmed automatically', async () => {
    await qaApi('loadScenario', { name: 'historical' })
    const examId = await openHealthExam()
    await logIn(DEMO)
    const exams = await openPage(mp, '/packages/application/index', '#apply-exams-page')
    await tap(exams, `#apply-exam-${examId}-open`)
    await tap(await pageAt(mp, 'packages/application/province/index'), '#apply-province-option-11')
    let page = await acceptDeclarations(await pageAt(mp, 'packages/application/declaration/index', 15000))
    await new Promise((r) => setTimeout(r, 1500))
    await shot('historical-centre')
    // Prefilled from last year: each step is saved as it stands.
    page = await submitStep(page, 'apply-centre', 'packages/application/basic/index')
    page = await submitStep(page, 'apply-basic', 'packages/application/contact/index')
    page = await submitStep(page, 'apply-contact', 'packages/application/exam-info/index')
    // The subjects not passed last year are preselected.
    await element(page, '#apply-exam-info-subjects-field .subject-on')
    expect((await page.$$('.subject-on')).length).toBe(2)
    page = await submitStep(page, 'apply-exam-info', 'packages/application/education/index')
    page = await submitStep(page, 'apply-education', 'packages/application/work-info/index')
    page = await submitStep(page, 'apply-work', 'packages/application/photo/index')
    await tap(page, '#apply-photo-confirm')
    page = await pageAt(mp, 'packages/application/review/index', 15000)
    page = await submitReview(page)
    await waitForText(page, '#apply-form-status', (t) => t === '已确认', 10000)
    expect(await page.$$('#apply-withdraw')).toHaveLength(0)
  })

  it('a historical candidate with another ID number sees the 成绩合并 notice', async () => {
    await qaApi('loadScenario', { name: 'historical' })
    const examId = await openHealthExam()
    await logIn({ username: 'history2026b', password: 'Exam@2026pass' })
    const exams = await openPage(mp, '/packages/application/index', '#apply-exams-page')
    await tap(exams, `#apply-exam-${examId}-open`)
    await tap(await pageAt(mp, 'packages/application/province/index'), '#apply-province-option-11')
    const page = await acceptDeclarations(await pageAt(mp, 'packages/application/declaration/index', 15000))
    expect(await textOf(page, '#apply-merge-notice')).toContain('成绩合并')
  })
})
