import { makeIdNumber } from '../../mock-server/scenarios'
import { absent, connectApp, element, openPage, pageAt, tap } from './support/app'
import { type, waitForText, waitUntil, type MiniProgram, type Page } from './support/app'
import { logInNewCandidate } from './support/candidate'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

// The record form (issue 21): 所学专业 found by typing (护理 → 护理学) instead of scrolling a wheel of 119, on every
// platform; the degree form in the degree's own words (学位证书编号, 学位授予单位, 获学位日期, 学位), its messages too,
// and no 培养方式. Selects only by ids.

describe('record form', () => {
  let mp: MiniProgram
  const seq = 100 + Math.floor(Math.random() * 800)

  beforeAll(async () => {
    mp = await connectApp()
    await logInNewCandidate(mp, {
      username: `recform${seq}`,
      password: 'RecForm#2026',
      name: '林小护',
      idNumber: makeIdNumber('350102', '19960708', String(seq)),
    })
  }, HOOK_TIMEOUT_MS)
  afterAll(() => mp?.disconnect(), HOOK_TIMEOUT_MS)

  /** The major search's results, in order, until they say what `ok` wants. */
  async function options(form: Page, kind: string, ok: (names: string[]) => boolean): Promise<string[]> {
    let names: string[] = []
    await waitUntil('the major search’s results', async () => {
      names = []
      for (const el of await form.$$(`.record-form__option`)) {
        const id = await el.attribute('id')
        if (id?.startsWith(`${kind}-form-major-option-`)) names.push((await el.text()).trim())
      }
      return ok(names)
    })
    return names
  }

  it('finds 护理学 by typing 护理, and saves the record with it', async () => {
    const form = await openPage(mp, '/packages/profile/record-form/index?kind=education', '#education-form-page')
    expect(await absent(form, '#education-form-major-options')).toBe(true)
    await type(form, '#education-form-major-search', '护理')
    const found = await options(form, 'education', (n) => n.includes('护理学'))
    expect(found.slice(0, 2)).toEqual(['护理', '护理学'])
    expect(found.every((n) => n.includes('护理'))).toBe(true)
    await tap(form, `#education-form-major-option-${found.indexOf('护理学')}`)
    expect(await waitForText(form, '#education-form-major', (t) => t === '护理学')).toBe('护理学')
    await waitUntil('the results closed', () => absent(form, '#education-form-major-options'))

    // A major not in the list: 其他专业, with the typed name carried into 专业名称.
    await type(form, '#education-form-major-search', '社区康养')
    expect(await waitForText(form, '#education-form-major-other', (t) => t.includes('未找到'))).toBe(
      '未找到专业，选择“其他专业”',
    )
    await tap(form, '#education-form-major-other')
    expect(await waitForText(form, '#education-form-major', (t) => t === '其他专业')).toBe('其他专业')
    await element(form, '#education-form-other-major')
    expect(String(await (await element(form, '#education-form-other-major')).value())).toBe('社区康养')

    // Back to 护理学 through the search, then the rest of the form; the record keeps the major.
    await type(form, '#education-form-major-search', '护理学')
    await options(form, 'education', (n) => n[0] === '护理学')
    await tap(form, '#education-form-major-option-0')
    expect(await waitForText(form, '#education-form-major', (t) => t === '护理学')).toBe('护理学')
    expect(await absent(form, '#education-form-other-major')).toBe(true)
    await type(form, '#education-form-certificate', '104321202005004321')
    await type(form, '#education-form-school', '首都医科')
    await tap(form, '#education-form-school-option-0')
    // The wheels as a finger leaves them: 2020-07-01 (the year wheel takes the whole date), 本科, 全日制.
    const wheels = { date: '2020-07-01', level: 2, mode: 0 }
    for (const [wheel, value] of Object.entries(wheels))
      await (await element(form, `#education-form-${wheel}-picker`)).trigger('change', { value })
    await tap(form, '#education-save')
    // Saved, the form goes back: to its parent, the list, as it was opened alone. Waited for, never opened again here:
    // a second opening raced the app's own navigation on a busy machine and took the next test's page away.
    const list = await pageAt(mp, 'packages/profile/records/index', 20000)
    expect(await waitForText(list, '#education-item-0', (t) => t.includes('护理学'), 10000)).toContain('护理学')
    expect(await waitForText(list, '#education-item-0-status', (t) => t.length > 0)).toBe('待核验')
  })

  it('the degree form names its own fields and messages, and has no 培养方式', async () => {
    const form = await openPage(mp, '/packages/profile/record-form/index?kind=degree', '#degree-form-page')
    const label = (field: string, words: string) =>
      waitForText(form, `#degree-form-${field}-field`, (t) => t.includes(words))
    expect(await label('certificate', '学位证书编号')).toContain('学位证书编号')
    expect(await label('school', '学位授予单位')).toContain('学位授予单位')
    expect(await label('date', '获学位日期')).toContain('获学位日期')
    expect(await label('level', '学位')).not.toContain('学历层次')
    expect(await absent(form, '#degree-form-mode')).toBe(true)

    // Saved empty: every message in the degree's words.
    await tap(form, '#degree-save')
    const message = (field: string) => waitForText(form, `#degree-form-${field}-error`, (t) => t.length > 0)
    expect(await message('certificate')).toBe('请填写学位证书编号')
    expect(await message('school')).toBe('请填写学位授予单位')
    expect(await message('date')).toBe('请选择获学位日期')
    expect(await message('major')).toBe('请选择所学专业')
    expect(await message('level')).toBe('请选择学位')
    expect(await absent(form, '#degree-form-mode-error')).toBe(true)

    // The major search works here too.
    await type(form, '#degree-form-major-search', '预防')
    await options(form, 'degree', (n) => n[0] === '预防医学')
    await tap(form, '#degree-form-major-option-0')
    expect(await waitForText(form, '#degree-form-major', (t) => t === '预防医学')).toBe('预防医学')
    await waitUntil('the major message gone', () => absent(form, '#degree-form-major-error'))
  })
  it('a half-typed degree is not the next candidate’s: another login on this phone finds the form empty', async () => {
    const form = await openPage(mp, '/packages/profile/record-form/index?kind=degree', '#degree-form-page')
    await type(form, '#degree-form-certificate', '1024620180009')
    await type(form, '#degree-form-major-search', '药学')
    // Someone else logs in on the same phone (no logout between: the first candidate walked away).
    await logInNewCandidate(mp, {
      username: `recnext${seq}`,
      password: 'RecForm#2026',
      name: '周晓',
      idNumber: makeIdNumber('350102', '19970809', String(seq)),
    })
    const next = await openPage(mp, '/packages/profile/record-form/index?kind=degree', '#degree-form-page')
    expect(String(await (await element(next, '#degree-form-certificate')).value())).toBe('')
    expect(String(await (await element(next, '#degree-form-major-search')).value())).toBe('')
    // Saved empty: the rules speak; nothing of the first candidate's is saved as theirs.
    await tap(next, '#degree-save')
    expect(await waitForText(next, '#degree-form-certificate-error', (t) => t.length > 0)).toBe('请填写学位证书编号')
  })
})
