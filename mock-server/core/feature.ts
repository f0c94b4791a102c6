import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import type { BlobStore } from './blobs'
import type { RateLimits } from './rate-limit'
import type { State, StateSlice, Store } from './store'

/**
 * What every feature plugin is given: the store (state and clock) and whether the QA control API is on. A feature
 * that reads a server option adds it here (`declare module '../../core/feature'`), as the scanner adds its engine.
 */
export interface FeatureOptions {
  store: Store
  /** Register the feature's QA routes (/__qa/...); off unless the server starts with --qa. */
  qa: boolean
  /** The per-client rate limits (captcha, certificate check), cleared by a QA reset. */
  limits: RateLimits
  /** Where links the server hands out start (--public-base-url; the listening address by default), never a header. */
  publicBaseUrl: () => string
}

/**
 * A feature's plugin (features/<feature>/index.ts): it registers its public routes, its candidate-scoped routes (one
 * candidateScope) and, with `qa`, its QA routes.
 */
export type FeaturePlugin = FastifyPluginAsync<FeatureOptions>

/** What a scenario is built with: the server's time, its blob store (for photos) and an empty state. */
export interface ScenarioContext {
  now: number
  blobs: BlobStore
  /** The state with every feature's collections empty. */
  empty(): State
}

/** A named starting point: the whole state. */
export type Scenario = (ctx: ScenarioContext) => State

/** A feature of the mock server: what mock-server/features/index.ts lists, and all the server needs of it. */
export interface Feature {
  name: string
  plugin: FeaturePlugin
  slice?: StateSlice
  /** Named starting points (`--scenario NAME`, QA's `scenario`). */
  scenarios?: Record<string, Scenario>
  /** What the feature does around every request of the server (hooks on the root, outside its plugin). */
  hooks?: (app: FastifyInstance, opts: FeatureOptions) => void
}
