import type { PropsWithChildren } from 'react'
import './app.scss'
// Loaded at start so the H5 build exposes the platform layer to the automator bridge before any page asks for it.
import './platform/platform'
import { setRulesClock } from '@domain/today'
import { serverNow } from './api'
import { installSessionExpiry } from './stores/session'

// The shared rules' "today" (no birth or graduation after it) is the server's, as the server checks it.
setRulesClock(serverNow)
// An expired session sends the candidate to log in and back to the same page afterwards.
installSessionExpiry()

/** The app shell: pages render as its children. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
