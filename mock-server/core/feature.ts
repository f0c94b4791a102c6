import type { FastifyPluginAsync } from 'fastify'
import type { Store } from './store'

/** What every feature plugin is given: the store (state and clock) and whether the QA control API is on. */
export interface FeatureOptions {
  store: Store
  /** Register the feature's QA routes (/__qa/...); off unless the server starts with --qa. */
  qa: boolean
}

/**
 * A feature of the mock server (features/<feature>/index.ts): a fastify plugin that registers its public routes,
 * its candidate-scoped routes (one candidateScope) and, with `qa`, its QA routes.
 */
export type Feature<Extra = unknown> = FastifyPluginAsync<FeatureOptions & Extra>
