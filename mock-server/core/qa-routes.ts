import type { FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { FaceOutcome, PayOutcome, SubscribeOutcome } from '../../types/platform-sim'
import { SecurityQuestionId } from '../../types/account'
import { setSecurityAnswer } from '../account-rules'
import { notFound, HttpError } from '../errors'
import { validationError } from '../contract-route'
import { makeAccount, SCENARIOS, scenarioNames } from '../scenarios'
import { emptyState, type Store } from '../state'

/**
 * The QA control API, under /__qa, registered only when the server starts with --qa. It lets a test or a QA
 * engineer put the backend in a known state and decide what real people and platforms would decide.
 */
export function qaRoutes(app: FastifyInstance, store: Store): void {
  const parse = <S extends v.GenericSchema>(schema: S, body: unknown): v.InferOutput<S> => {
    const r = v.safeParse(schema, body ?? {})
    if (!r.success) throw validationError(r.issues)
    return r.output
  }

  app.post('/__qa/reset', async () => {
    store.replace(emptyState())
    return { ok: true }
  })

  app.get('/__qa/scenarios', async () => ({ scenarios: scenarioNames() }))

  app.post('/__qa/scenario', async (req) => {
    const { name } = parse(v.object({ name: v.string() }), req.body)
    const make = SCENARIOS[name]
    if (!make) throw new HttpError(404, 'SCENARIO_UNKNOWN', `没有这个场景：${name}`)
    store.replace(make())
    return { ok: true, scenario: name }
  })

  app.get('/__qa/captcha/last', async () => {
    const id = store.state.lastCaptchaId
    const captcha = id ? store.state.captchas[id] : undefined
    if (!captcha) throw notFound('NOT_FOUND', '还没有发出验证码，或已被使用')
    return { captchaId: captcha.id, answer: captcha.answer }
  })

  app.post('/__qa/sim/face', async (req) => {
    store.state.sim.face = parse(v.object({ outcome: FaceOutcome }), req.body).outcome
    store.save()
    return { ok: true, face: store.state.sim.face }
  })
  app.post('/__qa/sim/pay', async (req) => {
    store.state.sim.pay = parse(v.object({ outcome: PayOutcome }), req.body).outcome
    store.save()
    return { ok: true, pay: store.state.sim.pay }
  })
  app.post('/__qa/sim/subscribe', async (req) => {
    store.state.sim.subscribe = parse(v.object({ outcome: SubscribeOutcome }), req.body).outcome
    store.save()
    return { ok: true, subscribe: store.state.sim.subscribe }
  })

  app.post('/__qa/candidates', async (req, reply) => {
    const input = parse(
      v.object({
        username: v.string(),
        password: v.string(),
        name: v.string(),
        idNumber: v.string(),
        // Account feature: the password-recovery question and answer (optional).
        questionId: v.optional(SecurityQuestionId),
        answer: v.optional(v.string()),
      }),
      req.body,
    )
    const account = makeAccount(input)
    store.state.accounts[account.id] = account
    if (input.questionId && input.answer) setSecurityAnswer(store.state, account.id, input.questionId, input.answer)
    store.save()
    reply.code(201)
    return { id: account.id, username: account.username }
  })

  app.get('/__qa/candidates/:username', async (req) => {
    const { username } = req.params as { username: string }
    const account = Object.values(store.state.accounts).find((a) => a.username === username)
    if (!account) throw notFound()
    return { id: account.id, username: account.username, name: account.name, idNumber: account.idNumber }
  })
}
