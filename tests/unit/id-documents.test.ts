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
  typesFitting,
  type IdType,
} from '../../domain/id-documents'
import { identityFacts, RecoverQuestionStartRequest, RegisterForm, RegisterRequest } from '../../types/account'
import { validate } from '../../types/validate'
import { asked, EMPTY, foreignNationality, toRequestInput } from '../../src/pages/register/form-state'

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
      nationality: 'CHN',
    })
    expect(documentFacts('resident-id', '11010519491231002X')).toEqual({
      birthDate: '1949-12-31',
      gender: 'female',
      nationality: 'CHN',
    })
    expect(numberCarries('residence-permit', '')).toEqual({ birthDate: true, gender: true, nationality: true })
  })
  test('the 2023 permanent-residence card carries the birth date and the nationality (its number); the 2017 card the nationality (its letters)', () => {
    expect(documentFacts('foreign-permanent', '932682198501010017')).toEqual({
      birthDate: '1985-01-01',
      gender: null,
      nationality: 'SAU',
    })
    expect(numberCarries('foreign-permanent', '932682198501010017')).toEqual({
      birthDate: true,
      gender: false,
      nationality: true,
    })
    expect(documentFacts('foreign-permanent', 'KAZ110090123105')).toEqual({
      birthDate: null,
      gender: null,
      nationality: 'KAZ',
    })
    expect(numberCarries('foreign-permanent', 'KAZ110090123105')).toEqual({
      birthDate: false,
      gender: false,
      nationality: true,
    })
  })
  test('permits carry China as the nationality; a passport carries nothing', () => {
    for (const type of ['hk-mo-permit', 'tw-permit'] as const) {
      expect(numberCarries(type, 'H12345678')).toEqual({ birthDate: false, gender: false, nationality: true })
      expect(documentFacts(type, 'H12345678').nationality).toBe('CHN')
    }
    expect(numberCarries('passport', 'E12345678')).toEqual({ birthDate: false, gender: false, nationality: false })
    expect(documentFacts('passport', 'E12345678')).toEqual({ birthDate: null, gender: null, nationality: null })
  })
  test('identityFacts takes the number over what was given', () => {
    const id = gb('81000019900101124')
    expect(
      identityFacts({ idType: 'residence-permit', idNumber: id, gender: 'male', birthDate: '2000-01-01' }),
    ).toEqual({
      gender: 'female',
      birthDate: '1990-01-01',
      nationality: 'CHN',
    })
    expect(
      identityFacts({
        idType: 'passport',
        idNumber: 'E12345678',
        gender: 'female',
        birthDate: '1991-03-04',
        nationality: 'USA',
      }),
    ).toEqual({ gender: 'female', birthDate: '1991-03-04', nationality: 'USA' })
    // A permanent-residence number's nationality wins over one sent beside it.
    expect(
      identityFacts({ idType: 'foreign-permanent', idNumber: 'KAZ110090123105', gender: 'male', nationality: 'USA' })
        .nationality,
    ).toBe('KAZ')
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

/** A registration but for the identity. */
const account = {
  username: 'abcdef1',
  password: 'Abcdef12',
  name: '王五',
  questionId: 'q-birthplace',
  answer: '北京',
  captchaId: 'c',
  captchaCode: 'abcd',
}

describe('the registration schema (form and server)', () => {
  const base = account
  test('a passport asks for gender, birth date and nationality, with their own messages', () => {
    const r = validate(RegisterRequest, { ...base, idType: 'passport', idNumber: 'E12345678' })
    expect(r.errors).toEqual({ gender: '请选择性别', birthDate: '请选择出生日期', nationality: '请选择国籍/地区' })
    const ok = validate(RegisterRequest, {
      ...base,
      idType: 'passport',
      idNumber: ' e12345678',
      gender: 'female',
      birthDate: '1990-02-28',
      nationality: 'GBR',
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
    expect(asked(values)).toEqual({ gender: false, birthDate: false, nationality: false })
    expect(toRequestInput(values)).not.toHaveProperty('gender')
    expect(toRequestInput(values)).not.toHaveProperty('birthDate')
    const passport = { ...values, idType: 'passport' as const, idNumber: 'E12345678' }
    expect(toRequestInput(passport)).toMatchObject({ gender: 'male', birthDate: '2000-01-01', nationality: '' })
    expect(asked(passport).nationality).toBe(true)
    expect(foreignNationality({ ...passport, nationality: 'USA' })).toBe('美国')
    const card2023 = { ...values, idType: 'foreign-permanent' as const, idNumber: '932682198501010017' }
    expect(asked(card2023)).toEqual({ gender: true, birthDate: false, nationality: false })
    expect(toRequestInput({ ...card2023, nationality: 'USA' })).not.toHaveProperty('nationality')
    // Shown, not asked: the number's own.
    expect(foreignNationality(card2023)).toBe('沙特阿拉伯')
    expect(foreignNationality(values)).toBe('')
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

describe('numbers that fit more than one type (issue 24: recovery asks the type)', () => {
  test.each<[string, string, IdType[]]>([
    ['a 港澳通行证 number', 'H12345678', ['hk-mo-permit', 'passport']],
    ['a 港澳通行证 number with the reissue count', 'M1234567801', ['hk-mo-permit', 'passport']],
    ['an 8-digit 台胞证 number', '12345678', ['tw-permit', 'passport']],
    ['a 10-digit 台胞证 number', '0561682001', ['tw-permit', 'passport']],
    ['a 2017 permanent-residence number', 'KAZ110090123105', ['passport', 'foreign-permanent']],
    ['a passport number of letters and digits', 'E12345678', ['passport']],
    ['a 台胞证 number with its bracket', '0561682001(D)', ['tw-permit']],
    ['a resident ID number', '11010519491231002X', ['resident-id']],
    ['a residence permit number', gb('83000019900315123'), ['residence-permit']],
    ['a 2023 permanent-residence number', '932682198501010017', ['foreign-permanent']],
  ])('%s (%s)', (_what, number, types) => {
    expect(typesFitting(number, today)).toEqual(types)
  })

  test('the 18-character numbers never overlap: no resident ID, residence permit or 2023 card fits another type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('110105', '320102', '810000', '830000', '932682', '911840'),
        fc.date({ min: new Date('1950-01-01'), max: new Date('2005-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (head, birth, seq) => {
          const body = `${head}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`
          expect(typesFitting(gb(body), today).length).toBeLessThanOrEqual(1)
        },
      ),
    )
  })
})

describe('the nationality a permanent-residence number carries', () => {
  test('a code no country has is refused, with its own message', () => {
    // 2017: the letters are the ISO 3166-1 alpha-3 code; 2023: characters 4–6 the numeric code.
    expect(checkDocumentNumber('foreign-permanent', 'XYZ110090123105', today)).toBe('nationality')
    expect(checkDocumentNumber('foreign-permanent', gb('93299919850101001'), today)).toBe('nationality')
    expect(documentMessage('foreign-permanent', 'nationality')).toBe('证件号码中的国籍代码不正确，请核对')
    expect(checkDocumentNumber('foreign-permanent', 'USA110090123105', today)).toBeNull()
    expect(checkDocumentNumber('foreign-permanent', gb('93284019850101001'), today)).toBeNull()
    expect(documentFacts('foreign-permanent', gb('93284019850101001')).nationality).toBe('USA')
  })
})

describe('the registration schema: 国籍/地区', () => {
  const base = { ...account, gender: 'male', birthDate: '1990-01-01' }
  test('a passport needs one, a known one; the other documents carry theirs', () => {
    const passport = { ...base, name: '王五', idType: 'passport', idNumber: 'E12345678' }
    expect(validate(RegisterRequest, passport).errors).toEqual({ nationality: '请选择国籍/地区' })
    expect(validate(RegisterRequest, { ...passport, nationality: 'XYZ' }).errors).toEqual({
      nationality: '国籍/地区不正确，请重新选择',
    })
    expect(validate(RegisterRequest, { ...passport, nationality: 'usa' }).ok).toBe(true)
    expect(validate(RegisterRequest, { ...base, name: '王五', idType: 'tw-permit', idNumber: '12345678' }).ok).toBe(
      true,
    )
    expect(
      validate(RegisterRequest, { ...base, name: '王五', idType: 'foreign-permanent', idNumber: 'XYZ110090123105' })
        .errors,
    ).toEqual({ idNumber: '证件号码中的国籍代码不正确，请核对' })
  })
})

describe('the recovery schema: the number by the chosen type (form and server)', () => {
  const who = { name: '王五', captchaId: 'c', captchaCode: 'abcd' }
  test('checked by the type’s rules; a number of another type’s format names the type to choose', () => {
    expect(validate(RecoverQuestionStartRequest, { ...who, idType: 'tw-permit', idNumber: '12345678' }).ok).toBe(true)
    expect(
      validate(RecoverQuestionStartRequest, { ...who, idType: 'resident-id', idNumber: '110105194912310021' }).errors,
    ).toEqual({ idNumber: '身份证号码校验位不正确，请核对' })
    expect(
      validate(RecoverQuestionStartRequest, { ...who, idType: 'resident-id', idNumber: 'H12345678' }).errors,
    ).toEqual({
      idNumber:
        '该号码不符合居民身份证号码的格式；如是港澳居民来往内地通行证，请将证件类型选为“港澳居民来往内地通行证”',
    })
    // An older app sends no type: the shape every type shares.
    expect(validate(RecoverQuestionStartRequest, { ...who, idNumber: 'H12345678' }).ok).toBe(true)
  })
})
