import type { HostFiles } from './files'
import type { Flavour, MiniTarget } from './platforms'
import type { RenderNode, TreeView } from './render-tree'

/**
 * What the host's parts share with it, so that they need not import the host itself (host.ts builds them: the API
 * stand-ins of api-impl.ts, the canvases of canvas.ts): the failure a stand-in throws, the response headers beside an
 * answer, an open page, and the host as the canvases see it.
 */

export interface HostOptions {
  /**
   * The mock server: the build's declared API origin (its network.json) resolves to it. Requests elsewhere, or
   * outside the declared domains, are refused as on a phone (network.ts).
   */
  mockUrl?: string
  /** Every request fails as on a phone without network (boot tests). */
  offline?: boolean
  /** Called for each console call of the app (the automator's App.logAdded). */
  onConsole?: (type: string, args: unknown[]) => void
  /** Called for each uncaught error of the app (the automator's App.exceptionThrown). */
  onException?: (error: Error) => void
  /**
   * The oldest engines the app must run on, as a browserslist query (default: config/engines.ts, what the build
   * declares): the built-ins they lack are removed from the app's context (engine.ts).
   */
  engines?: string
}

/**
 * Response headers a stand-in hands to its task's onHeadersReceived, not to the answer: a non-enumerable symbol, so
 * the answer the app receives (a spread copy) never carries them.
 */
export const RESPONSE_HEADERS = Symbol('response headers')
export function withResponseHeaders<T extends object>(answer: T, header: Record<string, string>): T {
  return Object.defineProperty(answer, RESPONSE_HEADERS, { value: header, enumerable: false })
}

/** A failed platform call: what the fail callback receives. */
export class ApiFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
  }
}

export interface PageMetrics {
  setDataCalls: number[]
  largestPayload: number
  longestHandlerMs: number
}

export interface HostPage {
  /** Never reused, as the automator protocol wants. */
  id: number
  route: string
  query: Record<string, string>
  instance: Record<string, unknown>
  data: Record<string, unknown>
  patches: Record<string, unknown>[]
  view: TreeView
  state: 'open' | 'hidden' | 'unloaded'
  /** What the candidate typed into a field, until the page writes the field's value again. */
  typed: Map<string, { value: string; propAtTyping: unknown }>
  metrics: PageMetrics
  root: () => RenderNode | undefined
}

/** What the canvases (canvas.ts) use of their host. */
export interface CanvasHost {
  readonly target: MiniTarget
  readonly flavour: Flavour
  readonly files: HostFiles
  /** The page on top of the stack. */
  current(): HostPage | undefined
  /** Runs `fn` on a later turn, as the platform answers a callback. */
  later(fn: () => void): void
  /** Reports a breach of the platform's contract (a spec fails on it). */
  problem(text: string): void
}
