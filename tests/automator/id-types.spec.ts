import { idCheckChar } from '../../domain/id-card'
import { ID_TYPE_LABELS, type IdType } from '../../domain/id-documents'
import { NATIONALITIES } from '../../domain/nationalities'
import {
  LATIN_NAME_MESSAGES,
  LATIN_NAME_RULE_TEXT,
  NAME_MESSAGES,
  NAME_OR_LATIN_RULE_TEXT,
  NAME_RULE_TEXT,
} from '../../domain/person-name'
import {
  absent,
  connectedApp,
  element,
  openPage,
  pageAt,
  tap,
  textOf,
  type,
  waitForText,
  type Page,
} from './support/app'
import { target } from './support/platform'
import { captchaShown, qaApi } from './support/qa'

// Registration with every ID type (issue 24), as QA runs it in the devtools: the type chosen first, the number by the
// type's rules (a wrong check character and a wrong format refused on the screen), gender and birth date where the
// number has none (国籍/地区 for a passport; a permanent-residence number's is shown as read from it); then password
// login (by username and by number) and recovery by the 密码找回问题, the type chosen first.
jest.setTimeout(90_000)

describe('every ID type', () => {
  const mp = connectedApp()
  let seq = Math.floor(Date.now() / 1000) % 100000

  const gb = (first17: string) => first17 + idCheckChar(first17)
  const s3 = () => String(seq++ % 1000).padStart(3, '0')

  /** A fresh number of each type; a wrong format and (where the type has one) a wrong check character. */
  const CASES: Record<IdType, { number: () => string; wrongFormat: string; wrongCheck?: string; asks: string[] }> = {
    'resident-id': {
      // A birth date no other spec uses: the mock server is shared by every spec of a run (account.spec takes 19870412).
      number: () => gb(`33010619880523${s3()}`),
      wrongFormat: '33010619870412',
      wrongCheck: '330106198704120010',
      asks: [],
    },
    'hk-mo-permit': {
      number: () => `H${10_000_000 + seq++}`,
      wrongFormat: 'K12345678',
      asks: ['gender', 'birth-date'],
    },
    'tw-permit': { number: () => String(20_000_000 + seq++), wrongFormat: '1234567', asks: ['gender', 'birth-date'] },
    'residence-permit': {
      number: () => gb(`83000019900315${s3()}`),
      wrongFormat: gb('11010519900315123'),
      wrongCheck: wrongCheckOf(gb('83000019900315123')),
      asks: [],
    },
    passport: { number: () => `E${30_000_000 + seq++}`, wrongFormat: 'E1-23', asks: ['gender', 'birth-date'] },
    'foreign-permanent': {
      number: () => gb(`93268219850101${s3()}`),
      wrongFormat: 'KA1110090123105',
      wrongCheck: wrongCheckOf('932682198501010017'),
      asks: ['gender'],
    },
  }

  function wrongCheckOf(id: string): string {
    return id.slice(0, 17) + (id[17] === '0' ? '1' : '0')
  }

  /**
   * The page the app lands on. Registering and logging in pass the login waiting room, which may ask the app to wait
   * its turn on a busy machine (503 LOGIN_QUEUE with Retry-After): a minute, and on failure what the register page said.
   */
  async function landedOn(path: string, root: string): Promise<Page> {
    const page = await pageAt(mp, path, 60_000).catch(async (err: Error) => {
      const current = await mp.currentPage()
      const [line] = current ? await current.$$('#register-error') : []
      throw new Error(`${err.message}${line ? `; #register-error says: ${String(await line.text())}` : ''}`)
    })
    await element(page, root, 10000)
    return page
  }

  /** The register page with the type chosen first and everything but the number filled. */
  async function registerPage(idType: IdType, username: string): Promise<Page> {
    const page = await openPage(mp, '/pages/register/index', '#register-page')
    await element(page, '#register-captcha-image')
    await tap(page, '#register-id-type')
    await tap(page, `#register-id-type-option-${idType}`)
    await type(page, '#register-username', username)
    await type(page, '#register-password', 'Abcd#2026x')
    await type(page, '#register-password-confirm', 'Abcd#2026x')
    await type(page, '#register-name', '陈美玲')
    await tap(page, '#register-question')
    await tap(page, '#register-question-option-q-birthplace')
    await type(page, '#register-answer', '台北')
    return page
  }

  /** 国籍/地区 on the platform's wheel: the picker takes the row's index (src/components/picker-select). */
  async function pickNationality(page: Page, code: string): Promise<void> {
    const index = NATIONALITIES.findIndex((n) => n.code === code)
    await (await element(page, '#register-nationality-picker')).trigger('change', { value: index })
    await waitForText(page, '#register-nationality', (t) => t === NATIONALITIES[index].name)
  }

  /** The recover page's question way: the type first, then name, number and captcha; 下一步. */
  async function recoverAs(idType: IdType, name: string, number: string): Promise<Page> {
    const recover = await openPage(mp, '/pages/recover/index', '#recover-page')
    await element(recover, '#recover-captcha-image')
    await tap(recover, '#recover-id-type')
    await tap(recover, `#recover-id-type-option-${idType}`)
    await waitForText(recover, '#recover-id-type', (t) => t.includes(ID_TYPE_LABELS[idType]))
    await type(recover, '#recover-name', name)
    await type(recover, '#recover-id-number', number)
    await type(recover, '#recover-captcha', await captchaShown(recover, 'recover'))
    await tap(recover, '#recover-question-next')
    return recover
  }

  async function loginByPassword(username: string, password: string): Promise<Page> {
    const page = await openPage(mp, '/pages/login/index', '#login-page')
    await element(page, '#login-captcha-image')
    await type(page, '#login-username', username)
    await type(page, '#login-password', password)
    await type(page, '#login-captcha', await captchaShown(page, 'login'))
    await tap(page, '#login-agree')
    await tap(page, '#login-submit')
    return page
  }

  describe.each(Object.keys(CASES) as IdType[])('%s', (idType) => {
    const c = CASES[idType]

    it('refuses a wrong format and a wrong check character on the screen, registers, logs in by number, recovers by question', async () => {
      const username = `idt${seq++}`
      const page = await registerPage(idType, username)
      if (idType !== 'resident-id') {
        await waitForText(page, '#register-id-type-notice', (t) => t.includes('仅支持居民身份证'))
      } else {
        expect(await absent(page, '#register-id-type-notice')).toBe(true)
      }

      await type(page, '#register-id-number', c.wrongFormat)
      await tap(page, '#register-submit')
      await waitForText(page, '#register-id-number-error', (t) => t.length > 0)
      expect(await textOf(page, '#register-error')).toBe('请按提示修改标红的内容')
      // What the number does not carry is asked, and said at once with the number's message.
      if (c.asks.includes('gender')) await waitForText(page, '#register-gender-error', (t) => t === '请选择性别')
      if (c.asks.includes('birth-date')) {
        await waitForText(page, '#register-birth-date-error', (t) => t === '请选择出生日期')
      }
      if (c.wrongCheck) {
        await type(page, '#register-id-number', c.wrongCheck)
        await tap(page, '#register-submit')
        await waitForText(page, '#register-id-number-error', (t) => t.includes('校验位不正确'))
      }

      const number = c.number()
      await type(page, '#register-id-number', number)
      // Only what the number does not carry is asked.
      for (const field of ['gender', 'birth-date']) {
        if (c.asks.includes(field)) await element(page, `#register-${field}`)
        else expect(await absent(page, `#register-${field}`)).toBe(true)
      }
      if (c.asks.includes('gender')) {
        await tap(page, '#register-gender')
        await tap(page, '#register-gender-option-female')
      }
      if (c.asks.includes('birth-date')) {
        // The year wheel takes the whole date in one change (src/components/picker-select).
        await (await element(page, '#register-birth-date-picker')).trigger('change', { value: '1991-03-04' })
        await waitForText(page, '#register-birth-date', (t) => t === '1991-03-04')
      }
      if (idType === 'passport') await pickNationality(page, 'GBR')
      else expect(await absent(page, '#register-nationality')).toBe(true)
      if (idType === 'foreign-permanent') {
        // 93268219850101…: nationality 682, read from the number and shown, not asked.
        await waitForText(page, '#register-nationality-read', (t) => t.includes('沙特阿拉伯'))
      }
      await type(page, '#register-captcha', await captchaShown(page, 'register'))
      await tap(page, '#register-submit')
      await waitForText(page, '#register-confirm-id-type', (t) => t === ID_TYPE_LABELS[idType])
      expect(await textOf(page, '#register-confirm-id-number')).toBe(number)
      await tap(page, '#register-confirm-ok')
      await landedOn('pages/hub/index', '#hub-page')

      // Password login by the number, then recovery by question with it.
      const login = await loginByPassword(number.toLowerCase(), 'Abcd#2026x')
      await landedOn('pages/hub/index', '#hub-page').catch(async (err: Error) => {
        throw new Error(`${err.message}; login says ${await textOf(login, '#login-error').catch(() => '')}`)
      })

      const recover = await recoverAs(idType, '陈美玲', number)
      await waitForText(recover, '#recover-question-text', (t) => t.includes('出生地'))
      await type(recover, '#recover-answer', '台北')
      await tap(recover, '#recover-answer-submit')
      await type(recover, '#recover-new-password', 'New#Pass2026')
      await type(recover, '#recover-new-password-confirm', 'New#Pass2026')
      await tap(recover, '#recover-reset-submit')
      await element(recover, '#recover-done')
      await loginByPassword(username, 'New#Pass2026')
      await landedOn('pages/hub/index', '#hub-page')
    })
  })

  it('a passport: 国籍/地区 is asked, refused when missing, and confirmed with the identity', async () => {
    const page = await registerPage('passport', `idn${seq++}`)
    await type(page, '#register-id-number', `P${40_000_000 + seq++}`)
    await tap(page, '#register-gender')
    await tap(page, '#register-gender-option-male')
    await (await element(page, '#register-birth-date-picker')).trigger('change', { value: '1988-08-08' })
    await type(page, '#register-captcha', await captchaShown(page, 'register'))
    await tap(page, '#register-submit')
    await waitForText(page, '#register-nationality-error', (t) => t === '请选择国籍/地区')
    expect(await textOf(page, '#register-error')).toBe('请按提示修改标红的内容')
    expect(await absent(page, '#register-confirm')).toBe(true)
    await pickNationality(page, 'USA')
    await tap(page, '#register-submit')
    await waitForText(page, '#register-confirm-nationality', (t) => t === '美国')
    await tap(page, '#register-confirm-ok')
    await landedOn('pages/hub/index', '#hub-page')
  })

  it('a name in Latin letters: refused with a resident ID as before, taken for a passport, a mix refused', async () => {
    const page = await registerPage('resident-id', `idl${seq++}`)
    await waitForText(page, '#register-name-hint', (t) => t === NAME_RULE_TEXT)
    await type(page, '#register-id-number', CASES['resident-id'].number())
    await type(page, '#register-name', 'JOHN SMITH')
    // The resident ID's rule and messages, and its 生僻字 button, whatever is typed.
    await element(page, '#register-name-picker')
    await tap(page, '#register-submit')
    await waitForText(page, '#register-name-error', (t) => t === NAME_MESSAGES.characters)
    await type(page, '#register-name', 'john smith')
    await tap(page, '#register-submit')
    await waitForText(page, '#register-name-error', (t) => t === NAME_MESSAGES['pinyin-only'])

    // A passport prints the name in Latin letters: taken as printed; a mix of the two ways is not.
    await tap(page, '#register-id-type')
    await tap(page, '#register-id-type-option-passport')
    await type(page, '#register-name', 'JOHN 史密斯')
    await tap(page, '#register-submit')
    await waitForText(page, '#register-name-error', (t) => t === LATIN_NAME_MESSAGES.mixed)
    await element(page, '#register-name-picker')
    await type(page, '#register-name', 'john-')
    await tap(page, '#register-submit')
    await waitForText(page, '#register-name-error', (t) => t === LATIN_NAME_MESSAGES['latin-mark'])
    await type(page, '#register-name', 'john smith')
    await waitForText(page, '#register-name-hint', (t) => t === LATIN_NAME_RULE_TEXT)
    expect(await absent(page, '#register-name-picker')).toBe(true)
    await type(page, '#register-name', '')
    await waitForText(page, '#register-name-hint', (t) => t === NAME_OR_LATIN_RULE_TEXT)
    // Back to the resident ID: the Chinese rule's hint again.
    await tap(page, '#register-id-type')
    await tap(page, '#register-id-type-option-resident-id')
    await waitForText(page, '#register-name-hint', (t) => t === NAME_RULE_TEXT)

    // Recovery: the resident ID chosen, a Latin name is refused on the screen before anything is sent.
    const recover = await openPage(mp, '/pages/recover/index', '#recover-page')
    await element(recover, '#recover-captcha-image')
    await tap(recover, '#recover-id-type')
    await tap(recover, '#recover-id-type-option-resident-id')
    await type(recover, '#recover-name', 'JOHN SMITH')
    await type(recover, '#recover-id-number', CASES['resident-id'].number())
    await type(recover, '#recover-captcha', await captchaShown(recover, 'recover'))
    await tap(recover, '#recover-question-next')
    await waitForText(recover, '#recover-name-error', (t) => t === NAME_MESSAGES.characters)
    expect(await absent(recover, '#recover-question-text')).toBe(true)
    // Nothing was sent: the pages' drafts (src/stores/drafts.ts) would greet the next spec's candidate with this one's
    // type and name.
    // Alipay's removeStorageSync takes { key } (https://opendocs.alipay.com/mini/api/ytfrk4), WeChat's and H5's the key.
    for (const key of ['draft.register', 'draft.recover'])
      await mp.callWxMethod('removeStorageSync', target() === 'alipay' ? { key } : key)
  })

  it('recovery with a number that fits two types: the type chosen says whose question it is', async () => {
    // One number, registered as a 台胞证 and as a passport (both formats take 8 digits), with different questions.
    const number = String(60_000_000 + seq++)
    const base = {
      password: 'Abcd#2026x',
      name: '林志明',
      idNumber: number,
      gender: 'male' as const,
      birthDate: '1980-02-03',
    }
    const holders = [
      { idType: 'tw-permit', questionId: 'q-birthplace', answer: '台中' },
      { idType: 'passport', nationality: 'SGP', questionId: 'q-mother-name', answer: '陈丽' },
    ] as const
    for (const holder of holders) await qaApi('createCandidate', { ...base, ...holder, username: `amb${seq++}` })

    // Under a type whose format the number does not fit: said under the number, naming the type to choose.
    const wrong = await recoverAs('hk-mo-permit', base.name, number)
    await waitForText(wrong, '#recover-id-number-error', (t) => t.includes('台湾居民来往大陆通行证'))
    expect(await absent(wrong, '#recover-question-text')).toBe(true)

    const asPassport = await recoverAs('passport', base.name, number)
    await waitForText(asPassport, '#recover-question-text', (t) => t.includes('母亲'))
    const asPermit = await recoverAs('tw-permit', base.name, number)
    await waitForText(asPermit, '#recover-question-text', (t) => t.includes('出生地'))
    await type(asPermit, '#recover-answer', '台中')
    await tap(asPermit, '#recover-answer-submit')
    await element(asPermit, '#recover-verified')
  })
})
