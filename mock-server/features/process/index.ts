import type { Feature, FeaturePlugin } from '../../core/feature'
import { processQaRoutes } from './qa'
import { queueReminders } from './reminders'
import { processRoutes } from './routes'
import { processSlice } from './slice'

/**
 * After submission (issue 14, docs/process.md): payment, the online-confirmation materials, reminders and their QA
 * API. The application itself (its state machine, confirmation and review) is the application feature's.
 */
const plugin: FeaturePlugin = async (app, { store, qa }) => {
  await processRoutes(app, store, qa)
  if (qa) processQaRoutes(app, store)
}

export const processFeature: Feature = {
  name: 'process',
  plugin,
  slice: processSlice,
  // Reminders follow every change, whoever made it (a candidate, QA, the clock): looked for after each answer.
  hooks: (app, { store }) => app.addHook('onResponse', async () => queueReminders(store)),
}

// What other features use of this one.
export { notifyPayment } from './payment'
export { payerMismatch } from './payer'
export { acceptedTemplate, isIssuedTemplate, TICKET_TEMPLATE } from './templates'
export { addReminder, queueReminders, reminderSources } from './reminders'
