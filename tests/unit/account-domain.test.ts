import { checkIdNumber, idCheckChar, maskIdNumber } from '../../domain/id-card'
import { checkName, nameHasPinyin, normaliseName, sameName } from '../../domain/person-name'
import { checkPassword, passwordStrength } from '../../domain/password'
import { normaliseAnswer, SECURITY_QUESTIONS } from '../../domain/security-questions'
import { RegisterForm, ResetPasswordForm } from '../../types/account'
import { validate } from '../../types/validate'
import { isKnownRegionCode } from '../../mock-server/features/account/regions'

const id = (first17: string) => first17 + idCheckChar(first17)

describe('ID number (GB 11643)', () => {
  const today = '2026-11-23'
  test('a valid number passes', () => {
    expect(checkIdNumber(id('11010519491231002'), today)).toBeNull()
  })
  test('check digit X is allowed, lower-case x too', () => {
    // 11010519491231002X is the standard's own example.
    expect(idCheckChar('11010519491231002')).toBe('X')
    expect(checkIdNumber('11010519491231002X', today)).toBeNull()
    expect(checkIdNumber('11010519491231002x', today)).toBeNull()
  })
  test('a wrong check digit is caught', () => {
    expect(checkIdNumber('110105194912310021', today)).toBe('check-digit')
    const good = id('44030419900101123')
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0')
    expect(checkIdNumber(wrong, today)).toBe('check-digit')
  })
  test('29 February only in leap years', () => {
    expect(checkIdNumber(id('11010520000229123'), today)).toBeNull()
    expect(checkIdNumber(id('11010519000229123'), today)).toBe('birth-date') // 1900 is not a leap year
    expect(checkIdNumber(id('11010519990229123'), today)).toBe('birth-date')
  })
  test('impossible dates and a future birth date', () => {
    expect(checkIdNumber(id('11010519901301123'), today)).toBe('birth-date')
    expect(checkIdNumber(id('11010519900431123'), today)).toBe('birth-date')
    expect(checkIdNumber(id('11010520261124123'), today)).toBe('future-birth')
    expect(checkIdNumber(id('11010520261123123'), today)).toBeNull()
  })
  test('length, characters and province', () => {
    expect(checkIdNumber('', today)).toBe('empty')
    expect(checkIdNumber('11010519491231002', today)).toBe('length')
    expect(checkIdNumber('1101051949123100A2', today)).toBe('format')
    expect(checkIdNumber(id('99010519491231002'), today)).toBe('province')
  })
  test('masking keeps the first and last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X')
    // Shorter numbers of the other ID types: at least half hidden, the ends kept.
    expect(maskIdNumber('E12345678')).toBe('E1*****78')
    expect(maskIdNumber('12345678')).toBe('12****78')
    expect(maskIdNumber('H1234567890')).toBe('H1*******90')
    expect(maskIdNumber('ABC123456789012')).toBe('ABC*********012')
    expect(maskIdNumber('G123456')).toBe('G*****6')
    expect(maskIdNumber('E1234')).toBe('E***4')
    expect(maskIdNumber('123')).toBe('***')
  })
  test('masking hides at least half of a number of any length, and keeps its length', () => {
    for (let n = 1; n <= 18; n++) {
      const id = 'ABCDEFGHJKLMNPQRST'.slice(0, n)
      const masked = maskIdNumber(id)
      expect(masked).toHaveLength(n)
      expect(2 * (masked.match(/\*/g) ?? []).length).toBeGreaterThanOrEqual(n)
    }
  })
  test('the server knows real region codes (county, city, province) and refuses made-up ones', () => {
    expect(isKnownRegionCode('110105')).toBe(true)
    expect(isKnownRegionCode('440300')).toBe(true)
    expect(isKnownRegionCode('440000')).toBe(true)
    expect(isKnownRegionCode('810000')).toBe(true)
    expect(isKnownRegionCode('119901')).toBe(false)
    expect(isKnownRegionCode('110199')).toBe(false)
  })
})

describe('names', () => {
  test('plain Chinese names, 2 to 30 characters', () => {
    expect(checkName('张三')).toBeNull()
    expect(checkName('张')).toBe('too-short')
    expect(checkName('欧阳'.repeat(15))).toBeNull()
    expect(checkName('欧阳'.repeat(15) + '明')).toBe('too-long')
    expect(checkName('')).toBe('empty')
  })
  test('middle dot: inside only, never doubled; look-alike dots are mapped', () => {
    expect(checkName('阿依古丽·买买提')).toBeNull()
    expect(checkName('·阿依')).toBe('dot-position')
    expect(checkName('阿依·')).toBe('dot-position')
    expect(checkName('阿依··买买提')).toBe('double-dot')
    expect(normaliseName(' 阿依•买买提 ')).toBe('阿依·买买提')
    expect(checkName('阿依.买买提')).toBeNull()
  })
  test('rare characters from the CJK extensions (BMP ext. A and the supplementary planes)', () => {
    expect(checkName('王堃')).toBeNull()
    expect(checkName('李䶮')).toBeNull() // extension A
    expect(checkName('陈𬌗')).toBeNull() // extension E (outside the BMP)
    expect(checkName('张𠀀')).toBeNull() // extension B
  })
  test('pinyin stand-ins for missing characters', () => {
    expect(checkName('张yan明')).toBeNull()
    expect(checkName('李yan yu')).toBeNull()
    expect(nameHasPinyin('张yan明')).toBe(true)
    expect(checkName('zhang san')).toBe('pinyin-only')
    expect(checkName('张Yan')).toBe('characters') // lower-case only
    expect(checkName('张 三')).toBe('characters') // spaces only between two pinyin
    expect(checkName('张abcdefg')).toBe('characters') // no syllable is longer than 6 letters
  })
  test('other characters are refused', () => {
    expect(checkName('张3')).toBe('characters')
    expect(checkName('John')).toBe('characters')
    expect(checkName('张😀')).toBe('characters')
  })
  test('names compare after normalising', () => {
    expect(sameName('阿依•买买提', '阿依·买买提')).toBe(true)
  })
})

describe('password strength', () => {
  test('the server minimum: 8 characters, two kinds of letters/digits/symbols', () => {
    expect(checkPassword('Abcdef1')).toBe('too-short') // 7
    expect(checkPassword('Abcdefg1')).toBeNull() // 8
    expect(checkPassword('abcdefgh')).toBe('kinds')
    expect(checkPassword('12345678')).toBe('kinds')
    expect(checkPassword('1234567!')).toBeNull()
    expect(checkPassword('a'.repeat(31) + '1')).toBeNull() // 32
    expect(checkPassword('a'.repeat(32) + '1')).toBe('too-long') // 33
    expect(checkPassword('密码abc12345')).toBe('characters')
    expect(checkPassword('abc 12345')).toBe('characters')
    expect(checkPassword('')).toBe('empty')
  })
  test('弱 / 中 / 强 boundaries', () => {
    expect(passwordStrength('abcdefgh')).toBe('weak')
    expect(passwordStrength('Abcdef1')).toBe('weak')
    expect(passwordStrength('Abcdefg1')).toBe('medium')
    expect(passwordStrength('Abcdefghij1!')).toBe('strong') // 12, three kinds
    expect(passwordStrength('Abcdefghi1!')).toBe('medium') // 11, three kinds
    expect(passwordStrength('abcdefghijkl1234')).toBe('medium') // long but two kinds
  })
})

describe('security questions', () => {
  test('a list with unique ids; answers compare loosely', () => {
    expect(new Set(SECURITY_QUESTIONS.map((q) => q.id)).size).toBe(SECURITY_QUESTIONS.length)
    expect(normaliseAnswer(' 北京 市 ')).toBe(normaliseAnswer('北京市'))
    expect(normaliseAnswer('ＡＢＣ')).toBe('abc')
  })
})

describe('registration form schema', () => {
  const valid = {
    username: 'zhang2026',
    password: 'Abcdefg1',
    passwordConfirm: 'Abcdefg1',
    name: '张三',
    idType: 'resident-id',
    idNumber: id('11010519900307451'),
    questionId: 'q-birthplace',
    answer: '北京',
    captchaId: 'c1',
    captchaCode: 'ab12',
  }
  test('a valid form passes', () => {
    expect(validate(RegisterForm, valid).ok).toBe(true)
  })
  test('every field has its own Chinese message', () => {
    const r = validate(RegisterForm, {
      ...valid,
      username: '1abc',
      password: 'abc',
      passwordConfirm: 'abd',
      name: '·张',
      idType: 'resident-id',
      idNumber: '123',
      questionId: '',
      answer: '',
      captchaCode: '',
    })
    expect(r.ok).toBe(false)
    expect(r.errors).toMatchObject({
      username: '用户名至少6位',
      password: '密码至少8位',
      name: '“·”不能在姓名的开头或结尾',
      idNumber: '身份证号码应为18位',
      questionId: '请选择密码找回问题',
      answer: '请输入密码找回问题答案',
      captchaCode: '请输入图形验证码',
    })
  })
  test('确认密码 must match', () => {
    const r = validate(RegisterForm, { ...valid, passwordConfirm: 'Abcdefg2' })
    expect(r.errors.passwordConfirm).toBe('两次输入的密码不一致')
  })
  test('new password form checks strength and confirmation', () => {
    const r = validate(ResetPasswordForm, { resetToken: 't', newPassword: 'abcdefgh', newPasswordConfirm: 'x' })
    expect(r.errors.newPassword).toBe('密码需至少包含字母、数字、符号中的两种')
  })
})
