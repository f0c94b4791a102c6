import fc from 'fast-check'
import { idCheckChar } from '../../domain/id-card'
import {
  checkBirthDate,
  checkDocumentNumber,
  documentFacts,
  documentKey,
  documentMessage,
  ID_TYPES,
  normaliseDocumentNumber,
  numberCarries,
  type IdType,
} from '../../domain/id-documents'
import { identityFacts, RecoverQuestionStartRequest, RegisterForm, RegisterRequest } from '../../types/account'
import { validate } from '../../types/validate'
import { asked, EMPTY, toRequestInput } from '../../src/pages/register/form-state'

/** Every document type's number rules (issue 24), with valid and invalid numbers of each. */
const today = '2026-11-23'
const gb = (first17: string) => first17 + idCheckChar(first17)
/** The same number with its check character changed to a wrong one. */
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0')

const VALID: Record<IdType, string[]> = {
  'resident-id': [gb('11010519491231002'), '11010519491231002X'],
  'hk-mo-permit': ['H12345678', 'M87654321', 'H1234567800', 'm1234567801', 'H 1234 5678'],
  'tw-permit': ['12345678', '0561682001', '0561682001(D)', '0561682001（b）', '0561682001(3)'],
  'residence-permit': [gb('81000019900101123'), gb('82000019851231456'), gb('83000020000229001')],
  passport: ['E12345678', 'EA1234567', 'G1234567', '123456789', 'AB123', 'X1234567890123456'],
  // 932682198501010017: the adaptation notice's own example of a 2023 card; KAZ110090123105 one of a 2017 card.
  'foreign-permanent': ['932682198501010017', gb('91184019900101002'), 'KAZ110090123105', 'usa110090123105'],
}

const INVALID: Record<IdType, Array<[string, string]>> = {
  'resident-id': [
    ['', 'empty'],
    [wrongCheck(gb('11010519491231002')), 'check-digit'],
    ['1101051949123100', 'length'],
    [gb('81000019900101123'), 'is-residence-permit'],
    [gb('83000019900101123'), 'is-residence-permit'],
  ],
  'hk-mo-permit': [
    ['', 'empty'],
    ['K12345678', 'format'],
    ['H1234567', 'format'],
    ['H123456789', 'format'],
    ['H123456780000', 'format'],
    ['HA2345678', 'format'],
  ],
  'tw-permit': [
    ['1234567', 'format'],
    ['123456789', 'format'],
    ['0561682001(DD)', 'format'],
    ['A1234567', 'format'],
    ['12345678(B)', 'format'],
  ],
  'residence-permit': [
    [wrongCheck(gb('81000019900101123')), 'check-digit'],
    [gb('11010519900101123'), 'prefix'],
    [gb('81000119900101123'), 'prefix'],
    [gb('81000019900230123'), 'birth-date'],
    [gb('81000020261124123'), 'future-birth'],
    ['81000019900101123', 'length'],
    ['81000019900101123Y', 'format'],
  ],
  passport: [
    ['', 'empty'],
    ['E123', 'format'],
    ['X12345678901234567', 'format'],
    ['E1234-567', 'format'],
    ['护照12345', 'format'],
  ],
  'foreign-permanent': [
    [wrongCheck('932682198501010017'), 'check-digit'],
    [gb('11010519900101123'), 'format'],
    [gb('93268219851301001'), 'birth-date'],
    ['93268219850101001', 'length'],
    ['KA1110090123105', 'format'],
    ['KAZ11009012310', 'length'],
    ['KAZ1100901231X5', 'format'],
  ],
}

describe.each(ID_TYPES)('%s numbers', (type) => {
  test.each(VALID[type])('valid: %s', (number) => {
    expect(checkDocumentNumber(type, number, today)).toBeNull()
  })
  test.each(INVALID[type])('invalid: %s (%s)', (number, problem) => {
    expect(checkDocumentNumber(type, number, today)).toBe(problem)
    // Every refusal has a Chinese message of its own type.
    expect(documentMessage(type, checkDocumentNumber(type, number, today)!)).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('check characters (GB 11643 MOD 11-2)', () => {
  const digits17 = fc.stringMatching(/^\d{17}$/)
  test('a residence permit or a 2023 permanent-residence number with any other last character is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 28 }), (other, day) => {
        const first17 = `820000${'1988'}${'07'}${String(day).padStart(2, '0')}555`
        const right = gb(first17)
        const wrong = first17 + '0123456789X'[other]
        expect(checkDocumentNumber('residence-permit', wrong, today)).toBe(wrong === right ? null : 'check-digit')
        const foreign = gb(`911084${'1988'}07${String(day).padStart(2, '0')}555`)
        const foreignWrong = foreign.slice(0, 17) + '0123456789X'[other]
        expect(checkDocumentNumber('foreign-permanent', foreignWrong, today)).toBe(
          foreignWrong === foreign ? null : 'check-digit',
        )
      }),
    )
  })
  test('any 17 digits get the one check character the standard gives', () => {
    fc.assert(
      fc.property(digits17, (d) => {
        const c = idCheckChar(d)
        let sum = 0
        for (let i = 0; i < 17; i++) sum += Number(d[i]) * (2 ** (17 - i) % 11)
        // ISO 7064 MOD 11-2: (sum + value(check)) ≡ 1 (mod 11), X standing for 10.
        expect((sum + (c === 'X' ? 10 : Number(c))) % 11).toBe(1)
      }),
    )
  })
})

describe('what a number carries', () => {
  test('the resident ID and the residence permit carry birth date and gender (17th digit odd: male)', () => {
    expect(documentFacts('residence-permit', gb('83000019900101123'))).toEqual({
      birthDate: '1990-01-01',
      gender: 'male',
    })
    expect(documentFacts('resident-id', '11010519491231002X')).toEqual({ birthDate: '1949-12-31', gender: 'female' })
    expect(numberCarries('residence-permit', '')).toEqual({ birthDate: true, gender: true })
  })
  test('the 2023 permanent-residence card carries the birth date only; the 2017 card nothing', () => {
    expect(documentFacts('foreign-permanent', '932682198501010017')).toEqual({ birthDate: '1985-01-01', gender: null })
    expect(numberCarries('foreign-permanent', '932682198501010017')).toEqual({ birthDate: true, gender: false })
    expect(documentFacts('foreign-permanent', 'KAZ110090123105')).toEqual({ birthDate: null, gender: null })
    expect(numberCarries('foreign-permanent', 'KAZ110090123105')).toEqual({ birthDate: false, gender: false })
  })
  test('permits and passports carry neither', () => {
    for (const type of ['hk-mo-permit', 'tw-permit', 'passport'] as const) {
      expect(numberCarries(type, 'H12345678')).toEqual({ birthDate: false, gender: false })
    }
  })
  test('identityFacts takes the number over what was given', () => {
    const id = gb('81000019900101124')
    expect(
      identityFacts({ idType: 'residence-permit', idNumber: id, gender: 'male', birthDate: '2000-01-01' }),
    ).toEqual({
      gender: 'female',
      birthDate: '1990-01-01',
    })
    expect(
      identityFacts({ idType: 'passport', idNumber: 'E12345678', gender: 'female', birthDate: '1991-03-04' }),
    ).toEqual({ gender: 'female', birthDate: '1991-03-04' })
  })
})

describe('birth dates given by the candidate', () => {
  test.each([
    ['1990-02-28', null],
    ['2000-02-29', null],
    ['1900-02-29', 'format'],
    ['1990-13-01', 'format'],
    ['1990/01/01', 'format'],
    ['', 'empty'],
    ['1899-12-31', 'too-old'],
    ['2026-11-24', 'future'],
    ['2026-11-23', null],
  ])('%s → %s', (date, problem) => {
    expect(checkBirthDate(date, today)).toBe(problem)
  })
})

describe('normalising and the uniqueness key', () => {
  test('spaces, case and full-width brackets', () => {
    expect(normaliseDocumentNumber(' h 1234 5678 ')).toBe('H12345678')
    expect(normaliseDocumentNumber('0561682001（d）')).toBe('0561682001(D)')
  })
  test('the key is (type, normalised number): the same number under two types is two keys', () => {
    expect(documentKey('passport', 'e1234567')).toBe(documentKey('passport', 'E1234567 '))
    expect(documentKey('passport', '12345678')).not.toBe(documentKey('tw-permit', '12345678'))
  })
})

describe('the registration schema (form and server)', () => {
  const base = {
    username: 'abcdef1',
    password: 'Abcdef12',
    name: '王五',
    questionId: 'q-birthplace',
    answer: '北京',
    captchaId: 'c',
    captchaCode: 'abcd',
  }
  test('a passport asks for gender and birth date, with their own messages', () => {
    const r = validate(RegisterRequest, { ...base, idType: 'passport', idNumber: 'E12345678' })
    expect(r.errors).toEqual({ gender: '请选择性别', birthDate: '请选择出生日期' })
    const ok = validate(RegisterRequest, {
      ...base,
      idType: 'passport',
      idNumber: ' e12345678',
      gender: 'female',
      birthDate: '1990-02-28',
    })
    expect(ok.ok && ok.value.idNumber).toBe('E12345678')
  })
  test('the number is checked by its type, its message said under the number', () => {
    const r = validate(RegisterRequest, {
      ...base,
      idType: 'hk-mo-permit',
      idNumber: 'K12345678',
      gender: 'male',
      birthDate: '1990-01-01',
    })
    expect(r.errors).toEqual({ idNumber: '港澳居民来往内地通行证号码为H或M开头加8位或10位数字' })
  })
  test('a residence permit needs neither gender nor birth date; a wrong check character is refused', () => {
    expect(
      validate(RegisterRequest, { ...base, idType: 'residence-permit', idNumber: gb('81000019900101123') }).ok,
    ).toBe(true)
    const r = validate(RegisterRequest, {
      ...base,
      idType: 'residence-permit',
      idNumber: wrongCheck(gb('81000019900101123')),
    })
    expect(r.errors).toEqual({ idNumber: '证件号码校验位不正确，请核对' })
  })
  test('a 2023 permanent-residence card asks the gender only; a 2017 card both', () => {
    const r2023 = validate(RegisterRequest, { ...base, idType: 'foreign-permanent', idNumber: '932682198501010017' })
    expect(r2023.errors).toEqual({ gender: '请选择性别' })
    const r2017 = validate(RegisterRequest, { ...base, idType: 'foreign-permanent', idNumber: 'KAZ110090123105' })
    expect(r2017.errors).toEqual({ gender: '请选择性别', birthDate: '请选择出生日期' })
  })
  test('the form reports field errors together with the type checks, and an unknown type', () => {
    const r = validate(RegisterForm, {
      ...base,
      username: '',
      passwordConfirm: 'x',
      idType: 'tw-permit',
      idNumber: '123',
    })
    expect(Object.keys(r.errors).sort()).toEqual(['birthDate', 'gender', 'idNumber', 'passwordConfirm', 'username'])
    expect(validate(RegisterRequest, { ...base, idType: 'driving-licence', idNumber: 'E12345678' }).errors.idType).toBe(
      '请选择证件类型',
    )
  })
  test('an empty form of a passport says every message at once, gender and birth date included', () => {
    // questionId '' fails its picklist (the object is then untyped) and the number is empty: neither hides the others.
    const r = validate(RegisterForm, {
      ...base,
      questionId: '',
      passwordConfirm: 'Abcdef12',
      idType: 'passport',
      idNumber: '',
      gender: '',
      birthDate: '',
    })
    expect(r.errors).toMatchObject({
      questionId: '请选择密码找回问题',
      idNumber: '请输入证件号码',
      gender: '请选择性别',
      birthDate: '请选择出生日期',
    })
  })
  test('question recovery takes a number of any type', () => {
    const r = validate(RecoverQuestionStartRequest, {
      name: '王五',
      idNumber: '0561682001(d)',
      captchaId: 'c',
      captchaCode: 'abcd',
    })
    expect(r.ok && r.value.idNumber).toBe('0561682001(D)')
    expect(
      validate(RecoverQuestionStartRequest, { name: '王五', idNumber: 'a-b', captchaId: 'c', captchaCode: 'abcd' }).ok,
    ).toBe(false)
  })
})

describe('the register page’s form state', () => {
  test('asks gender and birth date by type and number, and sends them only when asked', () => {
    const values = {
      ...EMPTY,
      idType: 'residence-permit' as const,
      idNumber: gb('81000019900101123'),
      gender: 'male' as const,
      birthDate: '2000-01-01',
    }
    expect(asked(values)).toEqual({ gender: false, birthDate: false })
    expect(toRequestInput(values)).not.toHaveProperty('gender')
    expect(toRequestInput(values)).not.toHaveProperty('birthDate')
    const passport = { ...values, idType: 'passport' as const, idNumber: 'E12345678' }
    expect(toRequestInput(passport)).toMatchObject({ gender: 'male', birthDate: '2000-01-01' })
    const card2023 = { ...values, idType: 'foreign-permanent' as const, idNumber: '932682198501010017' }
    expect(asked(card2023)).toEqual({ gender: true, birthDate: false })
    expect(
      validate(RegisterForm, {
        ...toRequestInput(card2023),
        username: 'abcdef1',
        password: 'Abcdef12',
        passwordConfirm: 'Abcdef12',
        name: '王五',
        questionId: 'q-birthplace',
        answer: 'x',
        captchaId: 'c',
        captchaCode: 'abcd',
      }).ok,
    ).toBe(true)
  })
})
