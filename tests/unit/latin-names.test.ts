import fc from 'fast-check'
import { ID_TYPES, LATIN_NAME_TYPES, takesLatinName, type IdType } from '../../domain/id-documents'
import {
  checkLatinName,
  checkName,
  checkNameFor,
  isLatinName,
  LATIN_NAME_MAX_LENGTH,
  LATIN_NAME_MESSAGES,
  nameMessage,
  NAME_MESSAGES,
  normaliseLatinName,
  normaliseNameFor,
  sameName,
} from '../../domain/person-name'
import { breakPieces } from '../../src/platform/drawing'
import { RecoverQuestionStartRequest, RegisterForm, RegisterRequest } from '../../types/account'
import { validate } from '../../types/validate'

/**
 * Names in Latin letters (issue 24): a passport's or a 外国人永久居留身份证's holder registers the name as the
 * document prints it; every other holder keeps the Chinese rule and its messages.
 */
describe('which documents take a Latin name', () => {
  test('the passport and the permanent-residence card; not the resident ID, the permits or the residence permit', () => {
    expect([...LATIN_NAME_TYPES]).toEqual(['passport', 'foreign-permanent'])
    expect(ID_TYPES.filter(takesLatinName)).toEqual(['passport', 'foreign-permanent'])
  })
})

describe('the Latin rule', () => {
  test('names as documents print them pass', () => {
    for (const name of ['JOHN SMITH', "MARIE-CLAIRE O'NEILL", 'NGUYEN VAN AN', 'SUKARNO', 'LI', "D'ARCY-SMITH JR"])
      expect(checkLatinName(name)).toBeNull()
  })

  test('typed in lower case, with extra, full-width or curly marks: kept as the document prints it', () => {
    expect(normaliseLatinName('  john   smith ')).toBe('JOHN SMITH')
    expect(normaliseLatinName('marie–claire o’neill')).toBe("MARIE-CLAIRE O'NEILL")
    expect(normaliseLatinName('ＪＯＨＮ\u3000ｓｍｉｔｈ')).toBe('JOHN SMITH')
    expect(checkLatinName('nguyen  van an')).toBeNull()
  })

  test('each refusal has its own Chinese message', () => {
    expect(checkLatinName('JOHN3 SMITH')).toBe('latin-characters')
    expect(checkLatinName('JOHN.SMITH')).toBe('latin-characters')
    expect(checkLatinName('JOSÉ GARCÍA')).toBe('latin-characters') // the MRZ and the visual zone write JOSE GARCIA
    expect(checkLatinName('-JOHN')).toBe('latin-mark')
    expect(checkLatinName("O'")).toBe('latin-mark')
    expect(checkLatinName('MARIE--CLAIRE')).toBe('latin-mark')
    expect(checkLatinName('MARIE -CLAIRE')).toBe('latin-mark')
    expect(checkLatinName('J')).toBe('latin-too-short')
    expect(checkLatinName('A'.repeat(LATIN_NAME_MAX_LENGTH))).toBeNull()
    expect(checkLatinName('AB '.repeat(20) + 'C')).toBe('latin-too-long')
    expect(checkLatinName('   ')).toBe('empty')
    for (const problem of Object.keys(LATIN_NAME_MESSAGES))
      expect(nameMessage(problem as keyof typeof LATIN_NAME_MESSAGES)).toMatch(/[\u4e00-\u9fff]/)
    expect(LATIN_NAME_MESSAGES['latin-characters']).toContain('字母')
  })

  const letters = fc.stringMatching(/^[A-Za-z]{1,8}$/)
  const word = fc
    .array(letters, { minLength: 1, maxLength: 3 })
    .chain((parts) =>
      fc
        .array(fc.constantFrom('-', "'"), { minLength: parts.length - 1, maxLength: parts.length - 1 })
        .map((marks) => parts.map((p, i) => (i ? marks[i - 1] : '') + p).join('')),
    )
  const spaces = fc.stringMatching(/^[ \u3000]{1,3}$/)
  const typedName = fc
    .tuple(fc.array(word, { minLength: 1, maxLength: 5 }), fc.array(spaces, { minLength: 5, maxLength: 5 }))
    .map(([words, gaps]) => `${gaps[0]}${words.map((w, i) => (i ? gaps[i] : '') + w).join('')} `)

  test('property: any such typed name normalises to capitals and single spaces, idempotently, and is judged by that', () => {
    fc.assert(
      fc.property(typedName, (typed) => {
        const kept = normaliseLatinName(typed)
        expect(kept).toMatch(/^[A-Z'-]+( [A-Z'-]+)*$/)
        expect(normaliseLatinName(kept)).toBe(kept)
        expect(sameName(typed, kept)).toBe(true)
        const problem = checkLatinName(typed)
        if (kept.length > LATIN_NAME_MAX_LENGTH) expect(problem).toBe('latin-too-long')
        else if (kept.replace(/[^A-Z]/g, '').length < 2) expect(problem).toBe('latin-too-short')
        else expect(problem).toBeNull()
      }),
    )
  })

  test('property: a name with anything but letters, spaces, hyphens and apostrophes is refused', () => {
    const other = fc.constantFrom('1', '.', ',', '_', 'é', 'ß', '@', '(', 'Ж')
    fc.assert(
      fc.property(letters, other, letters, (a, bad, b) => {
        expect(checkLatinName(`${a}${bad}${b}`)).toBe('latin-characters')
      }),
    )
  })

  test('property: every word of a valid name stays whole when a document breaks its lines', () => {
    fc.assert(
      fc.property(typedName, (typed) => {
        const kept = normaliseLatinName(typed)
        expect(breakPieces(kept).filter((p) => p.trim())).toEqual(kept.split(' '))
      }),
    )
  })
})

describe('the rule by document type', () => {
  const chineseOnly = ID_TYPES.filter((t) => !takesLatinName(t))

  test("a resident-ID (or permit) holder typing Latin letters gets today's messages", () => {
    for (const type of chineseOnly) {
      const latin = takesLatinName(type)
      expect(checkNameFor('JOHN SMITH', latin)).toBe(checkName('JOHN SMITH'))
      expect(checkNameFor('zhang san', latin)).toBe('pinyin-only')
      expect(checkNameFor('张yan明', latin)).toBeNull()
      expect(normaliseNameFor('zhang san', latin)).toBe('zhang san')
    }
    expect(checkName('JOHN SMITH')).toBe('characters')
    expect(NAME_MESSAGES.characters).toContain('汉字')
  })

  test('a passport holder: a Latin name by the Latin rule, a Chinese one (pinyin stand-ins too) by the Chinese rule', () => {
    for (const type of LATIN_NAME_TYPES) {
      const latin = takesLatinName(type)
      expect(checkNameFor('john smith', latin)).toBeNull()
      expect(normaliseNameFor(' john  smith', latin)).toBe('JOHN SMITH')
      expect(checkNameFor('玛丽·居里', latin)).toBeNull()
      expect(checkNameFor('张yan明', latin)).toBeNull()
      expect(normaliseNameFor('阿依.买买提', latin)).toBe('阿依·买买提')
      expect(checkNameFor('JOHN 史密斯', latin)).toBe('mixed')
      expect(checkNameFor('张Yan', latin)).toBe('mixed')
      expect(checkNameFor('JOHN3', latin)).toBe('latin-characters')
      expect(checkNameFor('张', latin)).toBe('too-short')
      expect(checkNameFor('', latin)).toBe('empty')
    }
  })

  test('isLatinName: letters and no Chinese character', () => {
    expect(isLatinName('JOHN SMITH')).toBe(true)
    expect(isLatinName('ｊｏｈｎ')).toBe(true)
    expect(isLatinName('张yan')).toBe(false)
    expect(isLatinName('·')).toBe(false)
    expect(isLatinName('123')).toBe(false)
  })
})

describe('the contract: the name checked with the type, kept as printed', () => {
  const base = {
    username: 'latin01',
    password: 'Abcdef12',
    gender: 'female',
    birthDate: '1990-01-01',
    nationality: 'FRA',
    questionId: 'q-mother-name',
    answer: 'x',
    captchaId: 'c',
    captchaCode: 'd',
  }
  const numberOf: Record<IdType, string> = {
    'resident-id': '11010519491231002X',
    'hk-mo-permit': 'H12345678',
    'tw-permit': '12345678',
    'residence-permit': '810000199001010019',
    passport: 'G1234567',
    'foreign-permanent': 'FRA110090123101',
  }
  const register = (idType: IdType, name: string) =>
    validate(RegisterRequest, { ...base, idType, idNumber: numberOf[idType], name })

  test('registration: a Latin name for a passport or a permanent-residence card, upper case with single spaces', () => {
    for (const type of LATIN_NAME_TYPES) {
      const r = register(type, " marie-claire  o'neill ")
      expect(r.errors).toEqual({})
      expect(r.ok && r.value.name).toBe("MARIE-CLAIRE O'NEILL")
    }
  })

  test("registration: a Latin name for any other document, refused on `name` with today's message", () => {
    for (const type of ID_TYPES.filter((t) => !takesLatinName(t))) {
      expect(register(type, 'JOHN SMITH').errors).toEqual({ name: NAME_MESSAGES.characters })
      expect(register(type, 'zhang san').errors).toEqual({ name: NAME_MESSAGES['pinyin-only'] })
    }
  })

  test("registration: the Latin rule's refusals on `name`; the form says the same", () => {
    expect(register('passport', 'JOHN 史密斯').errors).toEqual({ name: LATIN_NAME_MESSAGES.mixed })
    expect(register('passport', 'JOHN-').errors).toEqual({ name: LATIN_NAME_MESSAGES['latin-mark'] })
    const form = validate(RegisterForm, {
      ...base,
      idType: 'passport',
      idNumber: numberOf.passport,
      name: 'JOHN_SMITH',
      passwordConfirm: 'Abcdef12',
    })
    expect(form.errors).toEqual({ name: LATIN_NAME_MESSAGES['latin-characters'] })
  })

  test('question recovery: with the type, as at registration; without one (an older app), either way', () => {
    const start = (name: string, idType?: IdType) =>
      validate(RecoverQuestionStartRequest, {
        name,
        idNumber: numberOf[idType ?? 'passport'],
        ...(idType ? { idType } : {}),
        captchaId: 'c',
        captchaCode: 'd',
      })
    const ok = start('john smith', 'passport')
    expect(ok.ok && ok.value.name).toBe('JOHN SMITH')
    expect(start('JOHN SMITH', 'resident-id').errors).toEqual({ name: NAME_MESSAGES.characters })
    const typeless = start('john smith')
    expect(typeless.ok && typeless.value.name).toBe('JOHN SMITH')
    expect(start('陈美玲').ok).toBe(true)
  })
})
