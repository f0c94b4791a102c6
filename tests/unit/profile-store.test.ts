import fs from 'node:fs'
import path from 'node:path'
import type { UploadOptions } from '../../src/platform/types'

/**
 * The profile store's photo flow with the platform layer mocked: the phone's checks before any upload, the upload's
 * progress, and the server's refusal shown as its Chinese message. The phone's check is one (src/stores/pick.ts
 * checkChosenPhoto), shared with the application's exam photo (useApplication.changeExamPhoto): both judge alike.
 */
const photos = path.join(__dirname, '..', 'fixtures', 'photos')
const file = (name: string) => fs.readFileSync(path.join(photos, name))

const mockChosen: {
  bytes: Buffer
  width: number
  height: number
  /** getImageInfo's EXIF word; `unreadable`: getImageInfo fails; `noHead`: the platform cannot read the bytes. */
  orientation?: string
  type?: string
  unreadable?: boolean
  noHead?: boolean
} = { bytes: Buffer.alloc(0), width: 0, height: 0 }
const mockUploads: UploadOptions[] = []
let mockUploadAnswer = { statusCode: 200, data: '{}' }

jest.mock('../../src/platform/platform', () => ({
  platform: {
    name: 'h5',
    chooseImage: async () => ({ path: 'blob:photo', size: mockChosen.bytes.length }),
    readFileHead: async (_path: string, length: number) =>
      mockChosen.noHead ? null : new Uint8Array(mockChosen.bytes.subarray(0, length)),
    getImageInfo: async () => {
      if (mockChosen.unreadable) throw new Error('getImageInfo:fail')
      const { width, height, orientation, type = 'jpeg' } = mockChosen
      return { width, height, type, ...(orientation ? { orientation } : {}) }
    },
    uploadFile: async (options: UploadOptions) => {
      mockUploads.push(options)
      options.onProgress?.(40)
      return mockUploadAnswer
    },
  },
}))

// Imported after the mock so the stores see the mocked platform.
import { setSessionToken } from '../../src/api'
import { useApplication } from '../../src/stores/application'
import { checkChosenPhoto } from '../../src/stores/pick'
import { useProfile } from '../../src/stores/profile'

// A change refreshes the hub's summary in the background: answer it here instead of the network.
const realFetch = global.fetch
beforeAll(() => {
  global.fetch = jest.fn(async () => new Response('{}', { status: 200 })) as typeof fetch
})
afterAll(() => {
  global.fetch = realFetch
})

beforeEach(() => {
  mockUploads.length = 0
  for (const k of ['orientation', 'type', 'unreadable', 'noHead'] as const) delete mockChosen[k]
  useProfile.getState().reset()
  useApplication.getState().reset()
  setSessionToken('token-1')
})

test('a PNG renamed to .jpg is refused on the phone by its bytes, and nothing is uploaded', async () => {
  Object.assign(mockChosen, { bytes: file('not-jpeg-358x441.png'), width: 358, height: 441 })
  await useProfile.getState().pickPhoto('album')
  const c = useProfile.getState().candidate!
  expect(c.problems.map((p) => p.code)).toEqual(['format', 'file-too-small'])
  expect(await useProfile.getState().uploadPhoto()).toBe(false)
  expect(mockUploads).toHaveLength(0)
})

test('a good photo uploads with the session header; the server answer becomes the photo', async () => {
  Object.assign(mockChosen, { bytes: file('valid-358x441.jpg'), width: 358, height: 441 })
  await useProfile.getState().pickPhoto('camera')
  expect(useProfile.getState().candidate?.problems).toEqual([])
  const answer = {
    state: 'pending',
    reason: null,
    locked: false,
    lockReason: null,
    imageUrl: '/api/photo-view/t',
    width: 358,
    height: 441,
    size: 1,
    uploadedAt: 'x',
  }
  mockUploadAnswer = { statusCode: 200, data: JSON.stringify(answer) }
  expect(await useProfile.getState().uploadPhoto()).toBe(true)
  expect(mockUploads[0]).toMatchObject({
    name: 'photo',
    filePath: 'blob:photo',
    headers: { authorization: 'Bearer token-1' },
  })
  expect(mockUploads[0].url).toMatch(/\/api\/profile\/photo$/)
  expect(useProfile.getState()).toMatchObject({
    photo: answer,
    candidate: null,
    uploadPercent: null,
    uploadError: null,
  })
})

test("the server's refusal is shown in its own words", async () => {
  Object.assign(mockChosen, { bytes: file('valid-358x441.jpg'), width: 358, height: 441 })
  await useProfile.getState().pickPhoto('album')
  mockUploadAnswer = {
    statusCode: 409,
    data: JSON.stringify({ error: { code: 'PHOTO_LOCKED', message: '照片已核验通过，不能更换' } }),
  }
  expect(await useProfile.getState().uploadPhoto()).toBe(false)
  expect(useProfile.getState().uploadError).toBe('照片已核验通过，不能更换')
  expect(useProfile.getState().uploadPercent).toBeNull()
})

/** valid-358x441.jpg as a phone camera stores it: 441 wide, 358 high, with the EXIF word that turns it upright. */
const turned = () =>
  Object.assign(mockChosen, { bytes: file('valid-358x441.jpg'), width: 441, height: 358, orientation: 'right' })
const chosen = () => ({ path: 'blob:photo', size: mockChosen.bytes.length })

test('a photo stored on its side is judged upright (358×441), not by its stored size', async () => {
  turned()
  const checked = await checkChosenPhoto(chosen())
  expect(checked.problems).toEqual([])
  expect(checked.info).toMatchObject({ width: 441, height: 358, orientation: 'right' })
  // The same picture stored without the word is too low: 441×358.
  delete mockChosen.orientation
  expect((await checkChosenPhoto(chosen())).problems.map((p) => p.code)).toEqual(['pixels-too-few'])
})

test('without the bytes the reported type decides the format; an unreadable picture is said to be so', async () => {
  Object.assign(mockChosen, { bytes: file('valid-358x441.jpg'), width: 358, height: 441, type: 'png', noHead: true })
  expect((await checkChosenPhoto(chosen())).problems.map((p) => p.code)).toEqual(['format'])
  Object.assign(mockChosen, { type: 'jpeg', noHead: false, unreadable: true })
  expect(await checkChosenPhoto(chosen())).toEqual({
    problems: [expect.objectContaining({ code: 'unreadable' })],
    info: null,
  })
})

test('the hub photo and the exam photo judge a turned photo alike: both let it go to the server', async () => {
  turned()
  await useProfile.getState().pickPhoto('album')
  expect(useProfile.getState().candidate).toMatchObject({ width: 358, height: 441, problems: [] })
  // The exam photo: the phone's check passes, so the upload is tried (and the server's refusal shown).
  mockUploadAnswer = {
    statusCode: 409,
    data: JSON.stringify({ error: { code: 'APPLICATION_LOCKED', message: '报名信息已提交，不能修改' } }),
  }
  expect(await useApplication.getState().changeExamPhoto('app-1')).toEqual({
    text: '报名信息已提交，不能修改',
    refusal: null,
  })
  expect(mockUploads).toHaveLength(1)
})

test('too few pixels: the exam photo is refused on the phone too, and nothing is sent', async () => {
  Object.assign(mockChosen, { bytes: file('few-pixels-260x380.jpg'), width: 260, height: 380 })
  expect(await useApplication.getState().changeExamPhoto('app-1')).toEqual({
    text: expect.stringContaining('照片像素不足'),
    refusal: null,
  })
  expect(mockUploads).toHaveLength(0)
})

test('record drafts survive a restart of the store (kept in device storage) until cleared', () => {
  useProfile.getState().setDraft('education', { certificateNo: '104321202005001234' })
  const Taro = jest.requireActual('../support/taro-node').default as { getStorageSync: (k: string) => unknown }
  expect(Taro.getStorageSync('draft.profile.record.education')).toMatchObject({ certificateNo: '104321202005001234' })
  useProfile.getState().clearDraft('education')
  expect(Taro.getStorageSync('draft.profile.record.education')).toBe('')
})
