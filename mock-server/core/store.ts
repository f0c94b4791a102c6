import fs from 'node:fs'
import path from 'node:path'
import type { Account, AccountFlowsState } from '../features/account/state'
import { emptyAccountFlows, reviveAccountFlows } from '../features/account/state'
import type { Captcha } from '../features/public/state'
import { emptyProfileState, reviveProfileState, type ProfileState } from '../features/profile/state'
import { emptyFaceState, reviveFaceState, type FaceState } from '../features/face/state'
import { emptySimState, reviveSimState, type SimState } from '../features/sim/state'
import { emptyResultsState, reviveResultsState, type ResultsState } from '../features/results/state'
import { Clock } from './clock'
import { mapFrom, stateToJson } from './persist'

/**
 * Everything the mock backend knows, so a restart with `--data` loses nothing. Each feature owns a slice (its
 * state.ts); this is where they are put together. Every collection keyed by a caller's id is a Map (never a plain
 * object: an id like `__proto__` or `constructor` must be just a key).
 */
export interface Session {
  token: string
  accountId: string
  expiresAt: string
}

export interface StoredReply {
  status: number
  body: unknown
  at: string
}

export interface State {
  /** Account feature: by account id (features/account/state.ts). */
  accounts: Map<string, Account>
  /** By bearer token. */
  sessions: Map<string, Session>
  /** By captcha id (features/public/state.ts). */
  captchas: Map<string, Captcha>
  /** The id of the captcha issued last, for the QA API. */
  lastCaptchaId: string | null
  /** Replies to state-changing calls, by idempotency key, so a retried call is answered, not done twice. */
  idempotency: Map<string, StoredReply>
  /** What the simulated platform abilities answer next; set by QA (features/sim/state.ts). */
  sim: SimState
  /** Account feature: security answers, lockouts, recoveries (features/account/state.ts). */
  accountFlows: AccountFlowsState
  /** Personal-info hub: photos, education/degree records, platform bindings (features/profile/state.ts). */
  profile: ProfileState
  /** Face verification: open verifications, rate limits, the platform stand-ins' records (features/face/state.ts). */
  face: FaceState
  /** After the exam: tickets, scores, certificates (features/results/state.ts). */
  results: ResultsState
}

export function emptyState(): State {
  return {
    accounts: new Map(),
    sessions: new Map(),
    captchas: new Map(),
    lastCaptchaId: null,
    idempotency: new Map(),
    sim: emptySimState(),
    accountFlows: emptyAccountFlows(),
    profile: emptyProfileState(),
    face: emptyFaceState(),
    results: emptyResultsState(),
  }
}

/**
 * Rebuilds the state from its JSON. Reads this version's files (Maps as entry lists) and older ones (Maps written as
 * plain objects, collections missing because a feature came later).
 */
export function reviveState(raw: unknown): State {
  const json = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  return {
    accounts: mapFrom<Account>(json.accounts),
    sessions: mapFrom<Session>(json.sessions),
    captchas: mapFrom<Captcha>(json.captchas),
    lastCaptchaId: typeof json.lastCaptchaId === 'string' ? json.lastCaptchaId : null,
    idempotency: mapFrom<StoredReply>(json.idempotency),
    sim: reviveSimState(json.sim),
    accountFlows: reviveAccountFlows(json.accountFlows),
    profile: reviveProfileState(json.profile),
    face: reviveFaceState(json.face),
    results: reviveResultsState(json.results),
  }
}

/**
 * Holds the state and the server's clock and, when given a file, writes the state after every change (temp file
 * then rename: never half-written).
 */
export class Store {
  state: State
  /** The server's one clock: every "now" in the mock server comes from here (QA moves it with /__qa/clock). */
  readonly clock = new Clock()

  constructor(private readonly file?: string) {
    this.state = file && fs.existsSync(file) ? Store.read(file) : emptyState()
  }

  private static read(file: string): State {
    return reviveState(JSON.parse(fs.readFileSync(file, 'utf8')))
  }

  /** Replace the whole state (reset, scenario) and save. */
  replace(next: State): void {
    this.state = next
    this.save()
  }

  /** Call after every mutation. */
  save(): void {
    if (!this.file) return
    const dir = path.dirname(this.file)
    fs.mkdirSync(dir, { recursive: true })
    const tmp = path.join(dir, `.${path.basename(this.file)}.${process.pid}.tmp`)
    fs.writeFileSync(tmp, stateToJson(this.state))
    fs.renameSync(tmp, this.file)
  }
}
