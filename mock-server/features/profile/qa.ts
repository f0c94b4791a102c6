import type { FastifyInstance } from 'fastify'
import { qaEndpoints } from '../../../types/qa'
import { contractRoute } from '../../core/contract-route'
import { HttpError, notFound } from '../../core/errors'
import type { Store } from '../../core/store'
import { findByExactUsername } from '../account'
import { profileOf, recordView } from './rules'
import { VERIFICATION } from '../../../domain/glossary'

/**
 * The hub's QA control API (with --qa only): the verification outcomes real reviewers decide (photo, records,
 * identity).
 */
export function profileQaRoutes(app: FastifyInstance, store: Store): void {
  const accountNamed = (username: string) => {
    const account = findByExactUsername(store.state, username)
    if (!account) throw notFound('NOT_FOUND', `没有这个考生：${username}`)
    return account
  }

  contractRoute(app, store, qaEndpoints.photoOutcome, async (input) => {
    const profile = profileOf(store, accountNamed(input.username).id)
    if (!profile.photo) throw new HttpError(409, 'PHOTO_MISSING')
    if (profile.photo.state !== 'pending')
      throw new HttpError(409, 'BAD_REQUEST', `照片已核验，只有${VERIFICATION.pending}的照片可以核验`)
    profile.photo.state = input.outcome
    profile.photo.reason = input.outcome === 'failed' ? input.reason || '照片不符合要求，请按要求重新上传' : null
    store.save()
    return { ok: true as const, state: profile.photo.state, reason: profile.photo.reason }
  })

  contractRoute(app, store, qaEndpoints.recordOutcome, async (input) => {
    const profile = profileOf(store, accountNamed(input.username).id)
    const record = input.id
      ? profile.records.find((r) => r.id === input.id)
      : profile.records.find((r) => r.kind === input.kind && r.state === 'unverified')
    if (!record) throw notFound('NOT_FOUND', `没有${VERIFICATION.pending}的记录`)
    if (record.state !== 'unverified')
      throw new HttpError(409, 'BAD_REQUEST', `该记录已核验，只有${VERIFICATION.pending}的记录可以核验`)
    record.state = input.outcome
    record.reason = input.outcome === 'rejected' ? input.reason || '学信网查询结果与填写信息不一致' : null
    store.save()
    return recordView(record)
  })

  contractRoute(app, store, qaEndpoints.identity, async (input) => {
    profileOf(store, accountNamed(input.username).id).identity = input.state
    store.save()
    return { ok: true as const, identity: input.state }
  })
}
