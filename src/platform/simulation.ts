import type { FaceOutcome, PayOutcome, SubscribeOutcome } from '@contract/states'

/**
 * What a browser has no platform for: face verification, the cashier, reminders. The H5 stand-ins (platform.h5.ts)
 * ask the mock server's simulation instead, whose outcomes QA sets. The API client hands its calls over when it loads
 * (src/api/index.ts), so the platform never imports the client, which imports the platform (uploads).
 */
export interface Simulation {
  faceRun(verifyId: string): Promise<{ outcome: FaceOutcome }>
  payRun(orderId: string): Promise<{ outcome: PayOutcome }>
  subscribe(templateIds: string[]): Promise<{ outcome: SubscribeOutcome }>
}

let provided: Simulation | null = null

export function provideSimulation(simulation: Simulation): void {
  provided = simulation
}

export function simulation(): Simulation {
  if (!provided) throw new Error('The H5 simulation is handed over by src/api, which has not loaded')
  return provided
}
