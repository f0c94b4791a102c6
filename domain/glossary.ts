/**
 * One name for each thing the candidate reads (issue 21): the app, the server's messages and the saved documents take
 * their words from here, so 核验未通过 is never also 核验不通过 and the PC site is always named with its address.
 * The words follow the 考生管理平台's own notices (shared/seeds); where they disagree with each other, the spec's.
 * `tests/unit/glossary.test.ts` refuses the retired variants anywhere in the tree.
 */

/** The system candidates register in, its website and address (the notices name it 中国卫生人才网). */
export const PC_SITE = {
  /** The system's name in the notices: 考生管理平台. */
  platform: '考生管理平台',
  name: '中国卫生人才网',
  address: 'www.21wecan.com',
} as const

/** Where to go for what the mini-program does not do: “请登录中国卫生人才网（www.21wecan.com）…”. */
export const ON_PC_SITE = `${PC_SITE.name}（${PC_SITE.address}）`

/** A verification's words, one per state: records, photos and identity alike. */
export const VERIFICATION = {
  /** Sent, not yet decided (a record's 未核验 is shown as this). */
  pending: '待核验',
  /** The identity check still running. */
  checking: '核验中',
  passed: '核验通过',
  failed: '核验未通过',
} as const

/** The question that recovers a password, and its answer (never 密保问题 or 密码问题). */
export const SECURITY_QUESTION = '密码找回问题'
export const SECURITY_ANSWER = '密码找回问题答案'

/** 其他, never 其它. */
export const OTHER = '其他'

/** What a missed deadline means, in the notices' words. */
export const MISSED_DEADLINE = '逾期视为放弃考试'

/** The wizard's buttons: each step saves and moves on; only the last submits. */
export const STEP_BUTTON = '保存并下一步'
export const SUBMIT_BUTTON = '提交报名信息'

/** The candidate's documents, by the names the notices use. */
export const DOCUMENTS = {
  form: '报名表',
  ticket: '准考证',
  certificate: '成绩合格证明',
} as const

/**
 * What a status means, for its colour (one palette, src/theme): done (green), current (blue, the candidate's turn),
 * waiting (grey, someone else's turn or not yet), refused (red).
 */
export type StatusMeaning = 'done' | 'current' | 'waiting' | 'refused'

/**
 * Words no page may use: each has its one name above. A test reads the tree for them; a seed quotation or a contract
 * value that must keep the old word says so on its line with `glossary: kept`.
 */
export const RETIRED_WORDS: ReadonlyArray<readonly [retired: string, use: string]> = [
  ['核验不通过', VERIFICATION.failed],
  ['未核验', VERIFICATION.pending],
  ['密保问题', SECURITY_QUESTION],
  ['密码问题', SECURITY_QUESTION],
  ['其它', OTHER],
  ['考生服务网站', PC_SITE.name],
  ['电脑端网站', ON_PC_SITE],
  ['视为放弃报名', '视为放弃考试'],
]
