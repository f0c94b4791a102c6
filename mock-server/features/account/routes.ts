import crypto from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { endpoints } from '../../../types/api'
import type * as v from 'valibot'
import { normaliseAnswer, securityQuestionText, type SecurityQuestionId } from '../../../domain/security-questions'
import { candidateScope } from '../../core/candidate-scope'
import { contractRoute, ledgerOf } from '../../core/contract-route'
import { badRequest, HttpError } from '../../core/errors'
import { bearerToken, createSession } from './sessions'
import type { Store } from '../../core/store'
import { consumeCaptcha } from '../public'
import { loginGuardFor, passwordMatches } from './login-guard'
import { captchaSolved, queuedRoute } from './login-queue'
import { hashPasswordInTurn } from './passwords'
import { isKnownRegionCode } from './regions'
import type { FaceService, FacePurpose } from '../face'
import type { Account } from './state'
import {
  applicationDataReason,
  checkSecurityAnswer,
  endSessions,
  AmbiguousNumber,
  findByDocument,
  findByIdentity,
  findByLogin,
  findByUsername,
  forgetAccount,
  LOCK_MS,
  MAX_LOGIN_FAILURES,
  RECOVERY_ATTEMPTS,
  RECOVERY_TTL_MS,
  RESET_TOKEN_TTL_MS,
  toMe,
} from './rules'
import { makeAccount } from './scenarios'
import { identityFacts } from '../../../types/account'
import { ON_PC_SITE, SECURITY_ANSWER } from '../../../domain/glossary'

const newId = () => crypto.randomBytes(18).toString('base64url')

/**
 * The account endpoints of issue 4: registration, logins, recovery (public), and the session's own calls and
 * cancellation (in the candidate scope).
 */
export async function accountRoutes(
  app: FastifyInstance,
  store: Store,
  face: FaceService,
  /** QA only: told of every wrong password checked, by account (the lockout tests count them). */
  onWrongChecked?: (accountId: string) => void,
): Promise<void> {
  const flows = () => store.state.accountFlows
  const later = (ms: number) => store.clock.later(ms)
  const isPast = (iso: string) => store.clock.isPast(iso)

  const sessionFor = (account: Account) => {
    const session = createSession(store, account.id)
    return { token: session.token, expiresAt: session.expiresAt, account: toMe(account) }
  }

  // Every request that hashes a password waits in the login waiting room first (login-queue.ts; cost = its hashes).
  // Only a request that would reach a hash queues (a solved captcha, a live recovery or reset token).
  const solved = (input: { captchaId: string; captchaCode: string }) =>
    captchaSolved(store, input.captchaId, input.captchaCode)
  const liveRecovery = ({ recoveryId }: { recoveryId: string }) => {
    const recovery = flows().questionRecoveries.get(recoveryId)
    return !!recovery && !isPast(recovery.expiresAt)
  }
  const liveResetToken = ({ resetToken }: { resetToken: string }) => {
    const token = flows().resetTokens.get(resetToken)
    return !!token && !isPast(token.expiresAt)
  }

  queuedRoute(app, store, endpoints.register, 2, solved, async (input) => {
    // Captcha first: nobody learns whether an ID number is registered without solving one.
    consumeCaptcha(store, input.captchaId, input.captchaCode)
    // The full GB/T 2260 region code, for the resident ID card (other documents' numbers have none, or a fixed one).
    if (input.idType === 'resident-id' && !isKnownRegionCode(input.idNumber.slice(0, 6))) {
      throw badRequest('VALIDATION_FAILED', '身份证号码的地区码不正确', { idNumber: '身份证号码的地区码不正确' })
    }
    // Hashed off the event loop, in turn with the logins' checks, before the checks below: from the checks to the
    // insert nothing awaits, so two registrations of one ID number cannot both pass.
    const hashed = await hashPasswordInTurn(input.password)
    const answer = await hashPasswordInTurn(normaliseAnswer(input.answer))
    // One account per (type, number); the same number under another type is another document.
    if (findByDocument(store.state, input.idType, input.idNumber)) {
      throw new HttpError(409, 'ID_NUMBER_TAKEN', undefined, { idNumber: '该证件号码已注册' })
    }
    if (findByUsername(store.state, input.username)) {
      throw new HttpError(409, 'USERNAME_TAKEN', undefined, { username: '该用户名已被使用' })
    }
    const account = makeAccount(
      {
        username: input.username,
        password: input.password,
        name: input.name,
        idType: input.idType,
        idNumber: input.idNumber,
        // Gender and birth date from the number where it carries them, else as given (checked by the schema).
        ...identityFacts(input),
      },
      store.clock.now(),
      hashed,
    )
    store.state.accounts.set(account.id, account)
    flows().security.set(account.id, { questionId: input.questionId, ...answer })
    store.save()
    return sessionFor(account)
  })

  queuedRoute(app, store, endpoints.loginPassword, 1, solved, async (input) => {
    consumeCaptcha(store, input.captchaId, input.captchaCode)
    // Known or not, the same guard, the same scrypt work and the same answers (login-guard.ts).
    const account = unambiguous(() => findByLogin(store.state, input.username), '请使用用户名登录')
    const guard = loginGuardFor(store.state, account, input.username)
    if (guard.lockedUntil && !isPast(guard.lockedUntil)) throw locked(guard.lockedUntil, store.clock.now())
    if (guard.lockedUntil) guard.lockedUntil = null

    // The guess is counted before its password is checked, in this same turn (the check awaits scrypt, and other
    // guesses run meanwhile): the guess that reaches the limit locks the account at once, so however many arrive
    // together, no more than MAX_LOGIN_FAILURES are checked before the lock holds. A right password gives the count
    // back (the guard goes), as it always did.
    guard.failures++
    const attempt = guard.failures
    const lockedNow = attempt >= MAX_LOGIN_FAILURES ? later(LOCK_MS) : null
    if (lockedNow) {
      guard.failures = 0
      guard.lockedUntil = lockedNow
    }
    store.save()

    if (!(await passwordMatches(account, input.password)) || !account) {
      if (account) onWrongChecked?.(account.id)
      if (lockedNow) throw locked(lockedNow, store.clock.now())
      const remainingAttempts = MAX_LOGIN_FAILURES - attempt
      throw new HttpError(
        400,
        'INVALID_CREDENTIALS',
        `用户名或密码不正确，还可尝试${remainingAttempts}次`,
        { password: `密码不正确，还可尝试${remainingAttempts}次` },
        { remainingAttempts },
      )
    }
    flows().loginGuards.delete(account.id)
    store.save()
    return sessionFor(account)
  })

  // Face verification (issue 12, mock-server/face/): captcha first; the face room opens the verification on the
  // candidate's platform and later asks the platform for the result. Only then is an account looked up.
  const startFace = (
    purpose: FacePurpose,
    input: v.InferOutput<typeof endpoints.faceLoginStart.request>,
    req: FastifyRequest,
  ) => {
    consumeCaptcha(store, input.captchaId, input.captchaCode)
    return face.start({ purpose, ...input, client: req.ip })
  }
  const finishFace = (
    purpose: FacePurpose,
    input: v.InferOutput<typeof endpoints.faceLoginFinish.request>,
  ): Account => {
    const verified = face.finish({ purpose, ...input })
    // Only someone the platform has just confirmed as this person learns that no account has their ID number.
    const account = findByIdentity(store.state, verified.name, verified.idNumber, 'resident-id')
    if (!account) throw badRequest('IDENTITY_MISMATCH', '该证件号码尚未注册账号，请先注册')
    return account
  }

  contractRoute(app, store, endpoints.faceLoginStart, async (input, { req }) => startFace('login', input, req))
  contractRoute(app, store, endpoints.faceLoginFinish, async (input) => sessionFor(finishFace('login', input)))

  const resetTokenFor = (accountId: string) => {
    const token = { token: newId(), accountId, expiresAt: later(RESET_TOKEN_TTL_MS) }
    flows().resetTokens.set(token.token, token)
    store.save()
    return { resetToken: token.token, expiresAt: token.expiresAt }
  }

  contractRoute(app, store, endpoints.recoverQuestionStart, async (input) => {
    consumeCaptcha(store, input.captchaId, input.captchaCode)
    const account = unambiguous(
      () => findByIdentity(store.state, input.name, input.idNumber, input.idType),
      `请选择证件类型后重试，或登录${ON_PC_SITE}找回密码`,
    )
    if (!account) throw badRequest('IDENTITY_MISMATCH')
    const security = flows().security.get(account.id)
    if (!security) throw badRequest('BAD_REQUEST', '该账号未设置密码找回问题，请使用人脸识别找回密码')
    const recovery = {
      recoveryId: newId(),
      accountId: account.id,
      attemptsLeft: RECOVERY_ATTEMPTS,
      expiresAt: later(RECOVERY_TTL_MS),
    }
    flows().questionRecoveries.set(recovery.recoveryId, recovery)
    store.save()
    const questionId = security.questionId as SecurityQuestionId
    return { recoveryId: recovery.recoveryId, questionId, question: securityQuestionText(questionId) }
  })

  queuedRoute(app, store, endpoints.recoverQuestionAnswer, 1, liveRecovery, async ({ recoveryId, answer }) => {
    const recovery = flows().questionRecoveries.get(recoveryId)
    if (!recovery || isPast(recovery.expiresAt)) throw badRequest('RECOVERY_EXPIRED')
    if (!(await checkSecurityAnswer(store.state, recovery.accountId, answer))) {
      recovery.attemptsLeft--
      if (recovery.attemptsLeft <= 0) {
        flows().questionRecoveries.delete(recoveryId)
        store.save()
        throw badRequest('RECOVERY_EXPIRED', '答案错误次数过多，请重新开始找回密码')
      }
      store.save()
      throw new HttpError(
        400,
        'SECURITY_ANSWER_WRONG',
        `${SECURITY_ANSWER}不正确，还可尝试${recovery.attemptsLeft}次`,
        { answer: `答案不正确，还可尝试${recovery.attemptsLeft}次` },
        { remainingAttempts: recovery.attemptsLeft },
      )
    }
    flows().questionRecoveries.delete(recoveryId)
    return resetTokenFor(recovery.accountId)
  })

  contractRoute(app, store, endpoints.recoverFaceStart, async (input, { req }) => startFace('recover', input, req))
  contractRoute(app, store, endpoints.recoverFaceFinish, async (input) =>
    resetTokenFor(finishFace('recover', input).id),
  )

  queuedRoute(app, store, endpoints.resetPassword, 1, liveResetToken, async ({ resetToken, newPassword }) => {
    // A dead token is refused before any hash; a live one is read again after the hash (nothing awaits from there
    // to the new password, so a token works once).
    if (!liveResetToken({ resetToken })) {
      flows().resetTokens.delete(resetToken)
      store.save()
      throw badRequest('RECOVERY_EXPIRED')
    }
    const hashed = await hashPasswordInTurn(newPassword)
    const token = flows().resetTokens.get(resetToken)
    flows().resetTokens.delete(resetToken)
    const account = token && !isPast(token.expiresAt) ? store.state.accounts.get(token.accountId) : undefined
    if (!account) {
      store.save()
      throw badRequest('RECOVERY_EXPIRED')
    }
    account.passwordSalt = hashed.salt
    account.passwordHash = hashed.hash
    // A new password ends the lock and every open session.
    flows().loginGuards.delete(account.id)
    endSessions(store.state, account.id)
    store.save()
    return { ok: true as const }
  })

  await candidateScope(app, store, (scope) => {
    scope.route(endpoints.me, async (_input, { candidate }) => toMe(candidate))

    scope.route(endpoints.logout, async (_input, { req }) => {
      const token = bearerToken(req)
      if (token) store.state.sessions.delete(token)
      store.save()
      return { ok: true as const }
    })

    scope.route(endpoints.cancelCheck, async (_input, { candidate }) => {
      const reason = applicationDataReason(store.state, candidate.id)
      return reason ? { allowed: false, reason } : { allowed: true }
    })

    scope.route(endpoints.cancelAccount, async (_input, { candidate }) => {
      const id = candidate.id
      const reason = applicationDataReason(store.state, id)
      if (reason) throw new HttpError(409, 'CANCEL_REFUSED', reason)
      forgetAccount(store.state, id)
      ledgerOf(store).forgetAccount(id)
      store.save()
      return { ok: true as const }
    })
  })
}

/** A number registered under more than one type, with nothing to say which: 409 ID_NUMBER_AMBIGUOUS. */
function unambiguous<T>(find: () => T, what: string): T {
  try {
    return find()
  } catch (err) {
    if (!(err instanceof AmbiguousNumber)) throw err
    throw new HttpError(409, 'ID_NUMBER_AMBIGUOUS', `该证件号码以多种证件类型注册了账号，${what}`)
  }
}

function locked(until: string, now: number): HttpError {
  const remainingMinutes = Math.max(1, Math.ceil((Date.parse(until) - now) / 60000))
  return new HttpError(
    403,
    'ACCOUNT_LOCKED',
    `密码错误次数过多，账号已锁定，请${remainingMinutes}分钟后再试`,
    undefined,
    {
      remainingMinutes,
    },
  )
}
