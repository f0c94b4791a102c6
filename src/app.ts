import type { PropsWithChildren } from 'react'
import './app.scss'

/** The app shell: pages render as its children. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
