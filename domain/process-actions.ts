import { currentNode, NODE_NAMES, type NodeKey, type NodeState } from './application-process'
import { DOCUMENTS, SUBMIT_BUTTON, type StatusMeaning } from './glossary'
import type { ApplicationStatus } from './states'

/**
 * The way forward from the node an application is at (issue 21): what the tracker offers on that node (a button
 * each), what a failed node tells the candidate to do next, and whose turn the node is (the colour of its status).
 * Pure; the node is `currentNode` of the application's nodes (domain/application-process), computed nowhere else.
 */

/** Where an action goes: the wizard, the 报名表, the materials, the submission, the payment, the 准考证. */
export type NodeActionKind = 'fill' | 'form' | 'materials' | 'submit' | 'pay' | 'ticket'

export interface NodeAction {
  kind: NodeActionKind
  text: string
}

interface NodeLike {
  /** A NodeKey (the contract carries it as a string). */
  key: NodeKey | string
  state: NodeState
  deadline: string | null
}

/** The application goes through 上传材料 (天津、上海、新疆兵团): its materials are confirmed online. */
export function confirmsOnline(nodes: readonly { key: string }[]): boolean {
  return nodes.some((n) => n.key === 'materials')
}

/** A failed node whose deadline has passed: the candidate has given up the exam (domain/process-deadlines). */
function givenUp(node: NodeLike, now: number): boolean {
  return node.state === 'failed' && !!node.deadline && now >= Date.parse(node.deadline)
}

const ACTION_TEXT: Record<NodeActionKind, string> = {
  fill: `继续${NODE_NAMES.fill}`,
  form: `查看${DOCUMENTS.form}`,
  materials: NODE_NAMES.materials,
  submit: SUBMIT_BUTTON,
  pay: '去缴费',
  ticket: `打印${DOCUMENTS.ticket}`,
}

const action = (kind: NodeActionKind, text = ACTION_TEXT[kind]): NodeAction => ({ kind, text })

/**
 * What the node the application is at offers, the first the main one; never empty for that node (a node someone else
 * decides still lets the candidate see the 报名表 the test centre asks for). Any other node offers nothing.
 */
export function nodeActions(nodes: readonly NodeLike[], node: NodeLike, now: number): NodeAction[] {
  if (node !== currentNode(nodes)) return []
  const online = confirmsOnline(nodes)
  if (givenUp(node, now)) return [action('form')]
  switch (node.key) {
    case 'fill':
      return [action('fill')]
    case 'materials':
      // “请查看并保存报名表，上传证明材料后提交报名信息”: both.
      return [action('materials'), action('form')]
    case 'submit':
      return [action('submit')]
    case 'confirm':
      return node.state === 'failed' && online
        ? [action('materials', `重新${NODE_NAMES.materials}`), action('form')]
        : [action('form')]
    case 'review':
      return [action('form')]
    case 'payment':
      return [action('pay')]
    case 'success':
      return node.state === 'done' ? [action('ticket')] : [action('form')]
    default:
      return []
  }
}

/** What a failed node tells the candidate to do next; null for a node that has not failed. */
export function nextStep(nodes: readonly NodeLike[], node: NodeLike, now: number): string | null {
  if (node.state !== 'failed') return null
  if (givenUp(node, now)) return '本次报名已结束。如有疑问，请联系报考考点'
  if (node.key === 'confirm')
    return confirmsOnline(nodes)
      ? `请按原因重新${NODE_NAMES.materials}，核对后重新提交确认`
      : `请查看${DOCUMENTS.form}，撤回后按原因修改，重新提交并打印新的${DOCUMENTS.form}`
  return `本次报名不能继续缴费。如对审核结果有疑问，请携带${DOCUMENTS.form}联系报考考点`
}

/**
 * Whose turn a node is, for its colour: done, refused (failed), current when the candidate must act (fill in, upload,
 * submit, go to the test centre with the 报名表, pay), waiting while the test centre or the province decides (the
 * materials' confirmation online, 资格审核) and for the nodes not reached yet.
 */
export function nodeMeaning(nodes: readonly { key: string }[], node: { key: string; state: NodeState }): StatusMeaning {
  if (node.state === 'done') return 'done'
  if (node.state === 'failed') return 'refused'
  if (node.state === 'todo') return 'waiting'
  if (node.key === 'review' || (node.key === 'confirm' && confirmsOnline(nodes))) return 'waiting'
  return 'current'
}

const STATUS_MEANINGS: Record<ApplicationStatus, StatusMeaning> = {
  filling: 'current',
  // 已提交，待报名确认: the test centre's (or the province's) turn.
  submitted: 'waiting',
  'confirm-rejected': 'refused',
  // 已确认: done (资格审核 follows on the tracker).
  confirmed: 'done',
  'review-failed': 'refused',
  'awaiting-payment': 'current',
  succeeded: 'done',
}

/** An application's status (报名状态 on the 报名表) by meaning, for its colour. */
export function statusMeaning(status: ApplicationStatus): StatusMeaning {
  return STATUS_MEANINGS[status]
}

/**
 * The question before 撤回 (SPEC 3: before 报名确认 a submission may be withdrawn, edited, resubmitted, and its 报名表
 * printed again). The page adds the red confirm colour (src/theme/colors.ts).
 */
export const WITHDRAW_CONFIRM = {
  title: '确认撤回报名信息？',
  content: `撤回后考点将看不到您的报名信息；请修改后在截止时间前重新提交，并重新打印${DOCUMENTS.form}。`,
  confirmText: '撤回',
  cancelText: '取消',
} as const
