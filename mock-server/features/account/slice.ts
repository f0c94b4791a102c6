import type { StateSlice } from '../../core/store'
import { mapFrom } from '../../core/persist'
import type { Session } from './sessions'
import { emptyAccountFlows, pruneAccountFlows, reviveAccountFlows, type Account, type AccountFlowsState } from './state'

declare module '../../core/store' {
  interface State {
    /** By account id. */
    accounts: Map<string, Account>
    /** By bearer token (sessions.ts). */
    sessions: Map<string, Session>
    /** Security answers, lockouts, recoveries (state.ts). */
    accountFlows: AccountFlowsState
  }
}

declare module '../../core/identity' {
  // The candidate a scoped route serves is an account of this feature (a merged declaration adds the supertype).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Candidate extends Account {}
}

/** The account feature's part of the state: the accounts, their sessions and the flows around them. */
export const accountSlice: StateSlice = {
  empty: () => ({ accounts: new Map(), sessions: new Map(), accountFlows: emptyAccountFlows() }),
  revive: (json) => ({
    accounts: mapFrom<Account>(json.accounts),
    sessions: mapFrom<Session>(json.sessions),
    accountFlows: reviveAccountFlows(json.accountFlows),
  }),
  prune: (state, now) => {
    let removed = pruneAccountFlows(state.accountFlows, now)
    for (const [token, session] of state.sessions) {
      if (Date.parse(session.expiresAt) > now) continue
      state.sessions.delete(token)
      removed++
    }
    return removed
  },
}
