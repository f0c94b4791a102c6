import type { Gender, IdType } from '@contract/account'
import { documentFacts, numberCarries } from '@domain/id-documents'
import { nationalityName } from '@domain/nationalities'
import type { SecurityQuestionId } from '@domain/security-questions'

/** What the registration form holds; the draft keeps all but the passwords and the captcha. */
export interface RegisterFormState {
  idType: IdType
  username: string
  password: string
  passwordConfirm: string
  name: string
  idNumber: string
  /** Asked only where the number does not carry them (domain/id-documents.ts, numberCarries). */
  gender: Gender | ''
  birthDate: string
  /** 国籍/地区 (ISO 3166-1 letter code), asked of a passport's holder only. */
  nationality: string
  questionId: SecurityQuestionId | ''
  answer: string
  captchaId: string
  captchaCode: string
}

export const EMPTY: RegisterFormState = {
  idType: 'resident-id',
  username: '',
  password: '',
  passwordConfirm: '',
  name: '',
  idNumber: '',
  gender: '',
  birthDate: '',
  nationality: '',
  questionId: '',
  answer: '',
  captchaId: '',
  captchaCode: '',
}

export const NEVER_DRAFTED = ['password', 'passwordConfirm', 'captchaId', 'captchaCode'] as const

/** Which of 性别 / 出生日期 / 国籍/地区 the form asks for the chosen type and the number typed so far. */
export function asked(values: Pick<RegisterFormState, 'idType' | 'idNumber'>) {
  const carries = numberCarries(values.idType, values.idNumber)
  return { gender: !carries.gender, birthDate: !carries.birthDate, nationality: !carries.nationality }
}

/**
 * The nationality a foreign holder's document gives, by name: a passport's as chosen, a permanent-residence
 * number's as it carries it (shown, never asked); '' for the Chinese documents (the form does not show it) and for
 * a number that does not carry one yet.
 */
export function foreignNationality(values: Pick<RegisterFormState, 'idType' | 'idNumber' | 'nationality'>): string {
  if (values.idType === 'passport') return nationalityName(values.nationality)
  if (values.idType !== 'foreign-permanent') return ''
  return nationalityName(documentFacts(values.idType, values.idNumber).nationality ?? '')
}

/**
 * The values as the schema and the server take them: gender and birth date only where asked (a value chosen before
 * the type changed stays in the form, in case the candidate changes back, but is not sent).
 */
export function toRequestInput(values: RegisterFormState) {
  const ask = asked(values)
  const { gender, birthDate, nationality, ...rest } = values
  return {
    ...rest,
    ...(ask.gender ? { gender } : {}),
    ...(ask.birthDate ? { birthDate } : {}),
    ...(ask.nationality ? { nationality } : {}),
  }
}
