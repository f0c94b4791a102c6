import path from 'node:path'
import { makeIdNumber } from '../../mock-server/scenarios'
import { connectedApp, element, openPage, pageAt, tap, type, waitForText } from './support/app'
import { captchaShown, qaApi } from './support/qa'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

jest.setTimeout(60_000)

/**
 * The login waiting room (issue 20) as a candidate meets it: QA closes the room (capacity 0, QA `setLoginQueue`), the
 * login page shows 排队人数较多 with the place in line and the wait, keeps what was typed, and once QA opens the room
 * again the app logs in by itself at its next try (the same idempotency key, so the same place).
 */
describe('login waiting room', () => {
  const mp = connectedApp()
  const seq = Math.floor(Date.now() / 1000) % 100000

  afterAll(async () => {
    await qaApi('setLoginQueue', { capacity: null })
  }, HOOK_TIMEOUT_MS)

  it('shows 排队人数较多 with the place and the wait, then logs in by itself', async () => {
    const c = {
      username: `queue${seq}`,
      password: 'Queue#2026x',
      name: '吴敏',
      idNumber: makeIdNumber('320102', '19910305', String(seq % 1000).padStart(3, '0')),
    }
    await qaApi('createCandidate', c)
    await qaApi('setLoginQueue', { capacity: 0 })

    const login = await openPage(mp, '/pages/login/index', '#login-page')
    await type(login, '#login-username', c.username)
    await type(login, '#login-password', c.password)
    await type(login, '#login-captcha', await captchaShown(login, 'login'))
    await tap(login, '#login-agree')
    await tap(login, '#login-submit')

    const text = await waitForText(login, '#network-banner-text', (t) => t.includes('排队人数较多'))
    expect(text).toMatch(/您排在第 1 位，预计等待约 \d+ 秒，将自动继续/)
    // Nothing typed is lost while it waits, and it stays on the login page.
    expect(await (await element(login, '#login-username')).property('value')).toBe(c.username)
    expect((await mp.currentPage())?.path).toBe('pages/login/index')
    expect((await qaApi('loginQueue')).waiting).toBe(1)
    // QUEUE_SHOTS=<dir> keeps a screenshot of the waiting login page (for looking at it).
    const shots = process.env.QUEUE_SHOTS
    if (shots)
      await mp.screenshot({ path: path.join(shots, `login-queue-${process.env.AUTOMATOR_TARGET ?? 'h5'}.png`) })

    // The room opens: the app's next try (after the Retry-After) lets the candidate in, with no tap.
    await qaApi('setLoginQueue', { capacity: null })
    const hub = await pageAt(mp, 'pages/hub/index')
    await element(hub, '#hub-page', 20_000)
    expect((await qaApi('loginQueue')).waiting).toBe(0)
  })
})
