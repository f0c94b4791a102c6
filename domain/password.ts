/**
 * Password rules, shared by the registration and recovery forms (live meter) and the mock server (enforcement).
 * Minimum the server enforces: 8–32 visible ASCII characters with at least two of the three kinds
 * letters / digits / symbols. Anything below that is 弱 and refused.
 */

export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 32

export type PasswordStrength = 'weak' | 'medium' | 'strong'

export const PASSWORD_STRENGTH_LABELS: Record<PasswordStrength, string> = { weak: '弱', medium: '中', strong: '强' }

/** What the forms show under the password field while nothing is wrong. */
export const PASSWORD_RULE_TEXT = `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH}位，至少包含字母、数字、符号中的两种`

export type PasswordProblem = 'empty' | 'too-short' | 'too-long' | 'characters' | 'kinds'

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  empty: '请输入密码',
  'too-short': `密码至少${PASSWORD_MIN_LENGTH}位`,
  'too-long': `密码不能超过${PASSWORD_MAX_LENGTH}位`,
  characters: '密码只能包含英文字母、数字和英文符号，不能有空格或中文',
  kinds: '密码需至少包含字母、数字、符号中的两种',
}

/** How many of letters, digits and symbols the password uses. */
export function passwordKinds(password: string): number {
  let kinds = 0
  if (/[A-Za-z]/.test(password)) kinds++
  if (/\d/.test(password)) kinds++
  if (/[^A-Za-z\d]/.test(password)) kinds++
  return kinds
}

/** The first rule the password breaks, or null when the server would accept it. */
export function checkPassword(password: string): PasswordProblem | null {
  if (password.length === 0) return 'empty'
  // Visible ASCII only: what every phone keyboard types the same way, so the candidate can type it again on a PC.
  if (!/^[\x21-\x7e]+$/.test(password)) return 'characters'
  if (password.length < PASSWORD_MIN_LENGTH) return 'too-short'
  if (password.length > PASSWORD_MAX_LENGTH) return 'too-long'
  if (passwordKinds(password) < 2) return 'kinds'
  return null
}

/**
 * The meter: 弱 = refused by the server; 中 = accepted; 强 = at least 12 characters with all three kinds.
 */
export function passwordStrength(password: string): PasswordStrength {
  if (checkPassword(password) !== null) return 'weak'
  if (password.length >= 12 && passwordKinds(password) === 3) return 'strong'
  return 'medium'
}
