/**
 * The platform's modal question (platform.confirm): what each platform's own API receives — WeChat wx.showModal and
 * Baidu swan.showModal through Taro.showModal (confirmColor a hex colour), Alipay my.confirm (confirmButtonText,
 * cancelButtonText, confirmColor) — and that nothing counts as a yes but the candidate's tap on confirm.
 */
import fs from 'node:fs'
import path from 'node:path'
import Taro from '@tarojs/taro'
import { WITHDRAW_CONFIRM } from '../../domain/process-actions'
import { platform as alipay } from '../../src/platform/platform.alipay'
import { platform as swan } from '../../src/platform/platform.swan'
import { platform as weapp } from '../../src/platform/platform.weapp'
import { COLORS } from '../../src/theme/colors'

type Opts = Record<string, unknown> & { success?: (r: unknown) => void; fail?: (e: unknown) => void }
const taro = Taro as unknown as { showModal?: (o: Opts) => Promise<unknown> }
const asked: Opts[] = []

afterEach(() => {
  asked.length = 0
  delete taro.showModal
})

const HEX = /^#[0-9a-f]{6}$/i
const question = { ...WITHDRAW_CONFIRM, confirmColor: COLORS.danger }
/** The first question asked: the withdrawal's words under the platform's own option names, its confirm red. */
const expectAsked = (confirm: string, cancel: string) =>
  expect(asked[0]).toEqual(
    expect.objectContaining({
      title: WITHDRAW_CONFIRM.title,
      content: WITHDRAW_CONFIRM.content,
      [confirm]: '撤回',
      [cancel]: '取消',
      confirmColor: COLORS.danger,
    }),
  )

describe('platform.confirm', () => {
  test('the theme red is the theme file’s danger colour, a hex colour as the platforms require', () => {
    const scss = fs.readFileSync(path.join(__dirname, '../../src/theme/theme.scss'), 'utf8')
    expect(/^\$color-danger: (#[0-9a-f]{6});/im.exec(scss)?.[1]).toBe(COLORS.danger)
    expect(COLORS.danger).toMatch(HEX)
  })

  test.each([
    ['weapp', weapp],
    ['swan', swan],
  ])('%s: Taro.showModal with the red confirm colour; yes only on confirm', async (_name, p) => {
    let answer: unknown = { confirm: true, cancel: false }
    taro.showModal = async (o) => {
      asked.push(o)
      if (answer instanceof Error) throw answer
      return answer
    }
    expect(await p.confirm(question)).toBe(true)
    expectAsked('confirmText', 'cancelText')
    // wx.showModal shows at most 4 characters on a button.
    expect(String(asked[0].confirmText).length).toBeLessThanOrEqual(4)
    answer = { confirm: false, cancel: true }
    expect(await p.confirm(question)).toBe(false)
    answer = new Error('showModal:fail')
    expect(await p.confirm(question)).toBe(false)
    // A question that is not destructive keeps the platform's own colour.
    answer = { confirm: true }
    await p.confirm({ title: 't', content: 'c', confirmText: '确定' })
    expect(asked[asked.length - 1]).not.toHaveProperty('confirmColor')
  })

  test('alipay: my.confirm with its own names and the red confirm colour; a failure is a no', async () => {
    let outcome: 'confirm' | 'cancel' | 'fail' = 'confirm'
    ;(globalThis as unknown as { my: Record<string, unknown> }).my = {
      confirm: (o: Opts) => {
        asked.push(o)
        setTimeout(() =>
          outcome === 'fail' ? o.fail?.({ error: 11 }) : o.success?.({ confirm: outcome === 'confirm' }),
        )
      },
    }
    expect(await alipay.confirm(question)).toBe(true)
    expectAsked('confirmButtonText', 'cancelButtonText')
    outcome = 'cancel'
    expect(await alipay.confirm(question)).toBe(false)
    outcome = 'fail'
    expect(await alipay.confirm(question)).toBe(false)
  })
})
