import type { Feature } from '../../core/feature'
import { processQaRoutes } from './qa'
import { processRoutes } from './routes'

/**
 * After submission (issue 14, docs/process.md): payment, the online-confirmation materials, reminders and their QA
 * API. The application itself (its state machine, confirmation and review) is the application feature's.
 */
export const processFeature: Feature = async (app, { store, qa }) => {
  await processRoutes(app, store, qa)
  if (qa) processQaRoutes(app, store)
}

export { notifyPayment } from './payment'
export { payerMismatch } from './payer'
export { queueReminders } from './reminders'
