import type { FastifyInstance } from 'fastify'
import { endpoints } from '../../../types/api'
import { qaEndpoints } from '../../../types/qa'
import { contractRoute } from '../../core/contract-route'
import { notFound } from '../../core/errors'
import type { Store } from '../../core/store'
import type { FaceService } from './flows'

/**
 * The simulation side of face verification, registered only with the QA API (--qa; `npm start` runs with it):
 * the H5 build's stand-in for the platform's camera screen, and QA's handles on the face feature.
 */
export function faceQaRoutes(app: FastifyInstance, store: Store, face: FaceService): void {
  // The candidate "scans": records the outcome QA set for this verification and tells the page what happened.
  contractRoute(app, store, endpoints.simFaceRun, async ({ verifyId }) => {
    const outcome = face.runSimulatedScan(verifyId)
    if (!outcome) throw notFound('FACE_VERIFY_EXPIRED')
    return { verifyId, outcome }
  })

  // Starts are limited per ID number and per client; tests and QA begin from zero.
  contractRoute(app, store, qaEndpoints.resetFaceRateLimits, async () => {
    face.clearRateLimits()
    return { ok: true as const }
  })

  // The verification opened last (its platform id), e.g. to look it up in the platform's records.
  contractRoute(app, store, qaEndpoints.lastFaceVerification, async () => {
    if (!face.lastVerifyId) throw notFound('NOT_FOUND', '还没有发起人脸识别')
    return { verifyId: face.lastVerifyId }
  })
}
