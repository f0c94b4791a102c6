/** The password-recovery questions (密码找回问题) a candidate chooses from at registration. */
export const SECURITY_QUESTIONS = [
  { id: 'q-mother-name', text: '您母亲的姓名是？' },
  { id: 'q-father-name', text: '您父亲的姓名是？' },
  { id: 'q-birthplace', text: '您的出生地是？' },
  { id: 'q-primary-school', text: '您就读的小学校名是？' },
  { id: 'q-middle-school', text: '您就读的初中校名是？' },
  { id: 'q-first-teacher', text: '您小学班主任的姓名是？' },
  { id: 'q-childhood-friend', text: '您儿时最好的朋友叫什么名字？' },
  { id: 'q-first-hospital', text: '您第一个工作单位的名称是？' },
] as const

export type SecurityQuestionId = (typeof SECURITY_QUESTIONS)[number]['id']

export const SECURITY_QUESTION_IDS = SECURITY_QUESTIONS.map((q) => q.id) as [
  SecurityQuestionId,
  ...SecurityQuestionId[],
]

export function securityQuestionText(id: string): string {
  return SECURITY_QUESTIONS.find((q) => q.id === id)?.text ?? ''
}

export const ANSWER_MAX_LENGTH = 30

/** Answers compare without case, width or surrounding/inner spaces, so 北京 市 and 北京市 match. */
export function normaliseAnswer(answer: string): string {
  return answer.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
}
