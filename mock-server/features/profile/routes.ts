import crypto from 'node:crypto'
import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import QRCode from 'qrcode'
import { canAddRecord, canDeleteRecord, recordLimitMessage, recordNameProblems } from '../../../domain/education'
import { maskIdNumber } from '../../../domain/id-card'
import { isKnownMajor } from '../../../domain/majors'
import { isJpeg, PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS } from '../../../domain/photo'
import { endpoints } from '../../../types/api'
import { PHOTO_UPLOAD_FIELD, PHOTO_UPLOAD_PATH, type BindingInfo } from '../../../types/profile'
import { candidateScope, type CandidateScope } from '../../core/candidate-scope'
import { contractRoute } from '../../core/contract-route'
import { holderOf } from '../account'
import { HttpError, badRequest, conflict, notFound } from '../../core/errors'
import type { Store } from '../../core/store'
import { commitUpload } from '../../core/upload-commit'
import { decodeImage, readUploadedFile, refuseBadPhoto } from '../../core/uploads'
import { searchSchools, isKnownSchool } from './data/schools'
import {
  accountOfTicket,
  bindingOf,
  photoLockReason,
  photoState,
  photoView,
  profileOf,
  recordView,
  summaryOf,
} from './rules'
import type { BindPlatform } from './state'

export interface ProfileRoutesOptions {
  store: Store
  /** The official account's address for the follow step; a deployment sets FOLLOW_URL. */
  followUrl?: string
}

/** 中国卫生人才网, the exam's official site, unless the deployment names its official account's page. */
export const DEFAULT_FOLLOW_URL = 'https://www.21wecan.com/'

/**
 * The personal-info hub (issue 5): summary and gate, basic info, the photo (multipart upload checked from the bytes,
 * display through a short-lived ticket), education/degree records, school search, platform binding and the follow QR.
 * The candidate's routes sit in one candidate scope, with the multipart parser (photo upload) inside it.
 */
export async function profileRoutes(app: FastifyInstance, opts: ProfileRoutesOptions): Promise<void> {
  const { store } = opts
  const followUrl = opts.followUrl ?? process.env.FOLLOW_URL ?? DEFAULT_FOLLOW_URL
  // Made on first use, so the server starts fast (tests start many).
  let followQr: Promise<string> | null = null
  const qr = () => (followQr ??= QRCode.toDataURL(followUrl, { type: 'image/png', margin: 1, width: 320 }))

  // Shows the photo to whoever holds a fresh ticket from GET /api/profile/photo: an image component cannot send
  // the session header, and the URL must not carry personal data.
  app.get('/api/photo-view/:ticket', async (req, reply) => {
    const { ticket } = req.params as { ticket: string }
    const accountId = accountOfTicket(ticket, store.clock.now())
    const photo = accountId ? store.state.profile.byAccount.get(accountId)?.photo : null
    if (!photo) throw notFound('NOT_FOUND', '照片链接已失效，请刷新页面')
    // Stored photos are decoded JPEGs; nosniff and a sandbox keep a browser from treating the bytes as anything else.
    reply
      .header('content-type', 'image/jpeg')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, max-age=300')
    const bytes = await store.blobs.get(photo.blob)
    if (!bytes) throw notFound('NOT_FOUND', '照片链接已失效，请刷新页面')
    return reply.send(bytes)
  })

  contractRoute(app, store, endpoints.searchSchools, async ({ keyword }) => ({ schools: searchSchools(keyword) }))

  await candidateScope(app, store, async (scope) => {
    await scope.app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 5, parts: 6 } })
    candidateRoutes(scope, store, followUrl, qr)
  })
}

function candidateRoutes(scope: CandidateScope, store: Store, followUrl: string, qr: () => Promise<string>): void {
  scope.route(endpoints.profileSummary, async (_in, { candidate }) => summaryOf(store, candidate.id))

  scope.route(endpoints.profileBasic, async (_in, { candidate }) => {
    const a = candidate
    const profile = profileOf(store, a.id)
    return {
      username: a.username,
      name: a.name,
      idTypeName: holderOf(a).idTypeName,
      idNumberMasked: maskIdNumber(a.idNumber),
      identity: profile.identity,
      photo: photoState(profile),
    }
  })

  scope.route(endpoints.profilePhoto, async (_in, { candidate, reply }) => {
    reply.header('cache-control', 'no-store')
    return photoView(store, candidate.id)
  })

  scope.app.post(PHOTO_UPLOAD_PATH, async (req) => {
    const account = scope.candidateOf(req)
    // Checked before the body is read, and again when it is stored (core/upload-commit.ts): a photo that locked
    // while this one was on the wire stays.
    const allowed = () => {
      const lock = photoLockReason(store.state, account.id, profileOf(store, account.id))
      if (lock) throw conflict('PHOTO_LOCKED', lock)
    }
    allowed()
    const bytes = await readUploadedFile(req, PHOTO_UPLOAD_FIELD, {
      notMultipart: '请以文件方式上传照片',
      missing: '没有收到照片文件',
      tooLarge: new HttpError(413, 'PHOTO_FILE_TOO_LARGE'),
    })
    // The same rules as the phone, from the bytes: the file name and the declared type are not trusted, and the
    // image is decoded whole (pixel limit first) before its upright size counts. A file that does not decode has
    // no size: checkPhoto calls it unreadable.
    const size = isJpeg(bytes) ? await decodeImage(bytes, PHOTO_MAX_PIXELS) : null
    refuseBadPhoto(bytes, size)
    return commitUpload(store, req, bytes, allowed, (blob) => {
      profileOf(store, account.id).photo = {
        state: 'pending',
        reason: null,
        size: bytes.length,
        width: size!.width,
        height: size!.height,
        uploadedAt: store.clock.iso(),
        blob,
      }
      return photoView(store, account.id)
    })
  })

  scope.route(endpoints.listRecords, async ({ kind }, { candidate }) => ({
    records: profileOf(store, candidate.id)
      .records.filter((r) => r.kind === kind)
      .map(recordView),
    max: 5,
  }))

  scope.route(endpoints.addRecord, async (input, { candidate, reply }) => {
    const profile = profileOf(store, candidate.id)
    const existing = profile.records.filter((r) => r.kind === input.kind).length
    if (!canAddRecord(existing)) throw conflict('RECORD_LIMIT', recordLimitMessage(input.kind))
    const names = recordNameProblems(input, { isKnownSchool, isKnownMajor })
    if (Object.keys(names).length) throw badRequest('VALIDATION_FAILED', Object.values(names)[0], names)
    const record = {
      id: crypto.randomUUID(),
      kind: input.kind,
      certificateNo: input.certificateNo,
      school: input.school,
      otherSchool: input.otherSchool || null,
      graduationDate: input.graduationDate,
      major: input.major,
      otherMajor: input.otherMajor || null,
      level: input.level,
      // A degree has no 培养方式: whatever an older client sent for one is not kept.
      studyMode: input.kind === 'degree' ? '' : (input.studyMode ?? ''),
      state: 'unverified' as const,
      reason: null,
      createdAt: store.clock.iso(),
    }
    profile.records.push(record)
    store.save()
    reply.code(201)
    return recordView(record)
  })

  scope.route(endpoints.deleteRecord, async ({ kind, id }, { candidate }) => {
    const profile = profileOf(store, candidate.id)
    const record = profile.records.find((r) => r.id === id && r.kind === kind)
    if (!record) throw notFound('NOT_FOUND', '该记录不存在或已删除')
    if (!canDeleteRecord(record.state)) throw conflict('RECORD_NOT_DELETABLE')
    profile.records = profile.records.filter((r) => r !== record)
    store.save()
    return { ok: true as const }
  })

  const bindingView = async (accountId: string): Promise<BindingInfo> => {
    const b = bindingOf(store.state, accountId)
    return {
      bound: !!b,
      platform: (b?.platform as BindPlatform | undefined) ?? null,
      accountMasked: b ? maskPlatformUser(b.user) : null,
      boundAt: b?.boundAt ?? null,
      followUrl,
      followQr: await qr(),
    }
  }

  scope.route(endpoints.binding, async (_in, { candidate }) => bindingView(candidate.id))

  scope.route(endpoints.bind, async ({ platform, code }, { candidate }) => {
    const user = exchangeLoginCode(platform, code)
    const owner = store.state.profile.bindings.get(user)
    if (owner && owner.accountId !== candidate.id) {
      throw conflict('BINDING_TAKEN', `该${PLATFORM_NAMES[platform]}账号已绑定其他考生，一个平台账号只能绑定一名考生`)
    }
    const current = bindingOf(store.state, candidate.id)
    if (current && current.user !== user) throw conflict('BINDING_EXISTS')
    if (!owner) {
      store.state.profile.bindings.set(user, { accountId: candidate.id, platform, boundAt: store.clock.iso() })
      store.save()
    }
    return bindingView(candidate.id)
  })

  scope.route(endpoints.unbind, async (_in, { candidate }) => {
    const current = bindingOf(store.state, candidate.id)
    if (!current) throw conflict('BINDING_NONE')
    store.state.profile.bindings.delete(current.user)
    store.save()
    return bindingView(candidate.id)
  })
}

const PLATFORM_NAMES: Record<BindPlatform, string> = { weapp: '微信', swan: '百度', alipay: '支付宝', h5: '浏览器' }

/**
 * The stand-in for each platform's code-to-user exchange (code2session, alipay.system.oauth.token, getSessionKey):
 * H5 codes are `h5-<device>` and name the device itself; a mini-program code becomes `<platform>-<code>`.
 */
export function exchangeLoginCode(platform: BindPlatform, code: string): string {
  if (platform === 'h5') {
    if (!/^h5-[A-Za-z0-9_-]{4,64}$/.test(code)) throw badRequest('BINDING_CODE_INVALID')
    return code
  }
  if (!/^[A-Za-z0-9_-]{4,128}$/.test(code)) throw badRequest('BINDING_CODE_INVALID')
  return `${platform}-${code}`
}

function maskPlatformUser(user: string): string {
  return user.length <= 8 ? `${user.slice(0, 2)}****` : `${user.slice(0, 4)}****${user.slice(-4)}`
}
