import fs from 'node:fs'
import path from 'node:path'
import type { FaceOutcome, PayOutcome, SubscribeOutcome } from '../types/platform-sim'
import { emptyAccountFlows, type AccountFlowsState } from './account-state'
import { emptyProfileState, type ProfileState } from './profile-state'

/**
 * Everything the mock backend knows, as one plain JSON-able object, so it can be written to a file whole and a
 * restart with `--data` loses nothing. Later features add their collections here.
 */
export interface Account {
  id: string
  username: string
  name: string
  idType: 'resident-id'
  idNumber: string
  /** scrypt: salt and hash, hex. */
  passwordSalt: string
  passwordHash: string
  createdAt: string
}

export interface Session {
  token: string
  accountId: string
  expiresAt: string
}

export interface Captcha {
  id: string
  answer: string
  expiresAt: string
}

export interface StoredReply {
  status: number
  body: unknown
  at: string
}

export interface State {
  accounts: Record<string, Account>
  sessions: Record<string, Session>
  captchas: Record<string, Captcha>
  /** The id of the captcha issued last, for the QA API. */
  lastCaptchaId: string | null
  /** Replies to state-changing calls, by idempotency key, so a retried call is answered, not done twice. */
  idempotency: Record<string, StoredReply>
  /** What the simulated platform abilities answer next; set by QA. */
  sim: {
    face: FaceOutcome
    pay: PayOutcome
    subscribe: SubscribeOutcome
  }
  /** Account feature: security answers, lockouts, face verifications, recoveries (mock-server/account-state.ts). */
  accountFlows: AccountFlowsState
  /** Personal-info hub: photos, education/degree records, platform bindings (mock-server/profile-state.ts). */
  profile: ProfileState
}

export function emptyState(): State {
  return {
    accounts: {},
    sessions: {},
    captchas: {},
    lastCaptchaId: null,
    idempotency: {},
    // Face: nobody finishes a verification until QA says how it goes (`npm start` sets pass).
    sim: { face: 'pending', pay: 'success', subscribe: 'accept' },
    accountFlows: emptyAccountFlows(),
    profile: emptyProfileState(),
  }
}

/** Holds the state and, when given a file, writes it after every change (temp file then rename: never half-written). */
export class Store {
  state: State

  constructor(private readonly file?: string) {
    this.state = file && fs.existsSync(file) ? Store.read(file) : emptyState()
  }

  private static read(file: string): State {
    const loaded = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<State>
    // A file written by an older version may lack newer collections: fill them in.
    return { ...emptyState(), ...loaded }
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
    fs.writeFileSync(tmp, JSON.stringify(this.state))
    fs.renameSync(tmp, this.file)
  }
}
