import { chinaDateTime } from './china-time'
import { ON_PC_SITE } from './glossary'
import type { ConfirmationState, ProcessNodeState, ReviewDecision } from './states'

/**
 * The process-node tracker (报考流程, SPEC 4): which nodes an application goes through and the state of each, derived
 * from the application's facts. Pure: the server sends the nodes with every application, the tracker page draws them
 * (done dark blue, current light blue, later grey, failed red).
 *
 * 填写信息 → 上传材料 (online-confirmation provinces) → 提交信息 → 报名确认 → 资格审核 (考点审核, then 考区审核)
 * → 报名缴费 (provinces with online payment) → 报名成功
 */

export type NodeKey = 'fill' | 'materials' | 'submit' | 'confirm' | 'review' | 'payment' | 'success'
export type NodeState = ProcessNodeState

export const NODE_NAMES: Record<NodeKey, string> = {
  fill: '填写信息',
  materials: '上传材料',
  submit: '提交信息',
  confirm: '报名确认',
  review: '资格审核',
  payment: '报名缴费',
  success: '报名成功',
}

export type Decision = ReviewDecision

export interface ProcessFacts {
  /** Every step saved and the exam photo confirmed. */
  filled: boolean
  submitted: boolean
  /** 报名确认: none yet, confirmed (by hand or automatically), or refused. */
  confirmation: ConfirmationState
  autoConfirmed: boolean
  confirmationReason: string | null
  centreReview: Decision
  regionReview: Decision
  reviewReason: string | null
  paid: boolean
}

export interface ProvinceFlags {
  /** 天津、上海、新疆兵团: materials are uploaded and confirmed online. */
  onlineConfirmation: boolean
  /** The province collects the fee online (otherwise 资格审核 passing is 报名成功). */
  onlinePayment: boolean
  /** The online fee can be paid on the phone (otherwise on the PC website). */
  mobilePayment: boolean
}

export interface Deadlines {
  /** End of the application window: fill in and submit by then. */
  applyBy: string
  /** End of the confirmation window. */
  confirmBy: string
  /** End of the payment window. */
  payBy: string
}

export interface ProcessNode {
  key: NodeKey
  name: string
  state: NodeState
  /** What the candidate must do now (or what happened), as one Chinese sentence. */
  hint: string
  /** By when, ISO; null when nothing is due. */
  deadline: string | null
}

/**
 * The node an application is at, the one the hub shows beside it and the tracker marks: the first current or failed
 * node, else (every node done) the last done one; undefined when there are no nodes.
 */
export function currentNode<N extends { state: NodeState }>(nodes: readonly N[]): N | undefined {
  return (
    nodes.find((n) => n.state === 'current' || n.state === 'failed') ??
    [...nodes].reverse().find((n) => n.state === 'done')
  )
}

/** The nodes this province's applications go through, in order. */
export function nodeKeys(flags: ProvinceFlags): NodeKey[] {
  const keys: NodeKey[] = ['fill']
  if (flags.onlineConfirmation) keys.push('materials')
  keys.push('submit', 'confirm', 'review')
  if (flags.onlinePayment) keys.push('payment')
  keys.push('success')
  return keys
}

export function processNodes(facts: ProcessFacts, flags: ProvinceFlags, deadlines: Deadlines): ProcessNode[] {
  const reviewPassed = facts.centreReview === 'passed' && facts.regionReview === 'passed'
  const reviewFailed = facts.centreReview === 'failed' || facts.regionReview === 'failed'
  const succeeded = reviewPassed && (!flags.onlinePayment || facts.paid)
  const by = (iso: string) => chinaDateTime(iso)

  const node = (key: NodeKey): Omit<ProcessNode, 'key' | 'name'> => {
    switch (key) {
      case 'fill':
        if (facts.filled || facts.submitted) return { state: 'done', hint: '报名信息已填写', deadline: null }
        return {
          state: 'current',
          hint: `请在${by(deadlines.applyBy)}前填写全部报名信息并确认照片`,
          deadline: deadlines.applyBy,
        }
      case 'materials':
        if (facts.submitted) return { state: 'done', hint: '证明材料已上传', deadline: null }
        if (facts.filled)
          return {
            state: 'current',
            hint: `请查看并保存报名表，上传证明材料后提交报名信息（${by(deadlines.applyBy)}前）`,
            deadline: deadlines.applyBy,
          }
        return { state: 'todo', hint: '填写信息后上传证明材料', deadline: null }
      case 'submit':
        if (facts.submitted) return { state: 'done', hint: '报名信息已提交', deadline: null }
        if (facts.filled && !flags.onlineConfirmation)
          return {
            state: 'current',
            hint: `请核对报名信息并在${by(deadlines.applyBy)}前提交`,
            deadline: deadlines.applyBy,
          }
        return { state: 'todo', hint: '填写完成后提交报名信息', deadline: null }
      case 'confirm':
        if (facts.confirmation === 'confirmed')
          return {
            state: 'done',
            hint: facts.autoConfirmed ? '已自动确认（与上一年度报名信息一致）' : '报名已确认',
            deadline: null,
          }
        if (!facts.submitted) return { state: 'todo', hint: '提交报名信息后进行报名确认', deadline: null }
        if (facts.confirmation === 'rejected')
          return {
            state: 'failed',
            hint: `确认不通过：${facts.confirmationReason ?? '请联系考点'}。请在${by(deadlines.confirmBy)}前修改后重新提交，逾期视为放弃考试`,
            deadline: deadlines.confirmBy,
          }
        return {
          state: 'current',
          hint: flags.onlineConfirmation
            ? `等待考区审核证明材料，请留意确认结果（${by(deadlines.confirmBy)}前）`
            : `请在${by(deadlines.confirmBy)}前携带报名表和相关材料到考点进行报名确认，逾期视为放弃考试`,
          deadline: deadlines.confirmBy,
        }
      case 'review':
        if (reviewPassed) return { state: 'done', hint: '资格审核已通过', deadline: null }
        if (reviewFailed) {
          const stage = facts.centreReview === 'failed' ? '考点审核' : '考区审核'
          return { state: 'failed', hint: `${stage}未通过：${facts.reviewReason ?? '请联系考点'}`, deadline: null }
        }
        if (facts.confirmation !== 'confirmed') return { state: 'todo', hint: '报名确认后进行资格审核', deadline: null }
        return {
          state: 'current',
          hint: facts.centreReview === 'passed' ? '考点审核已通过，等待考区审核' : '等待考点审核',
          deadline: null,
        }
      case 'payment':
        if (facts.paid) return { state: 'done', hint: '已缴费', deadline: null }
        if (!reviewPassed) return { state: 'todo', hint: '资格审核通过后缴费', deadline: null }
        return {
          state: 'current',
          hint: flags.mobilePayment
            ? `请在${by(deadlines.payBy)}前完成缴费，逾期视为放弃考试`
            : `本考区未开通手机缴费，请在${by(deadlines.payBy)}前使用电脑登录${ON_PC_SITE}完成缴费`,
          deadline: deadlines.payBy,
        }
      case 'success':
        return succeeded
          ? { state: 'done', hint: '报名成功，请按时打印准考证', deadline: null }
          : { state: 'todo', hint: '完成以上步骤后报名成功', deadline: null }
    }
  }

  return nodeKeys(flags).map((key) => ({ key, name: NODE_NAMES[key], ...node(key) }))
}
