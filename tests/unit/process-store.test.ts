import type { UploadOptions } from '../../src/platform/types'
import type { MaterialsView } from '../../types/process'

/**
 * The process store (the tracker, materials, payment and message pages' server state) with the platform layer mocked:
 * a page shows only its own application's view, a material's upload progress and refusal, and nothing of one
 * candidate's is left for the next.
 */
const mockUploads: UploadOptions[] = []
let mockUploadAnswer = { statusCode: 200, data: '{}' }

jest.mock('../../src/platform/platform', () => ({
  platform: {
    name: 'h5',
    chooseImage: async () => ({ path: 'blob:material', size: 60_000 }),
    uploadFile: async (options: UploadOptions) => {
      mockUploads.push(options)
      options.onProgress?.(40)
      return mockUploadAnswer
    },
  },
}))

// Imported after the mock so the store sees the mocked platform.
import { setSessionToken } from '../../src/api'
import { fileSize } from '../../src/packages/process/nodes'
import { ofApplication, useProcess } from '../../src/stores/process'
import { useSession } from '../../src/stores/session'

const materials = (applicationId: string): MaterialsView => ({
  applicationId,
  required: [
    {
      key: 'id-card',
      name: '身份证（正反面）',
      pdf: false,
      uploaded: {
        format: 'jpeg',
        size: 60_000,
        uploadedAt: '2026-03-01T08:00:00.000Z',
        imageUrl: '/api/material-view/t',
      },
    },
  ],
  complete: true,
  canUpload: true,
  canResubmit: false,
  deadline: '2026-03-10T08:00:00.000Z',
  confirmation: 'none',
  reason: null,
  givenUp: false,
})
const account = (username: string) => ({
  token: `token-${username}`,
  expiresAt: '2026-03-01T10:00:00.000Z',
  account: { username, name: '张三', idType: 'resident-id' as const, idNumberMasked: '', createdAt: '' },
})

beforeEach(() => {
  mockUploads.length = 0
  useProcess.getState().reset()
  setSessionToken('token-1')
})

test('a page shows only its own application: another one still in the store is none of its business', () => {
  const view = materials('a1')
  expect(ofApplication(view, 'a1')).toBe(view)
  expect(ofApplication(view, 'a2')).toBeNull()
  expect(ofApplication(view, undefined)).toBeNull()
  expect(ofApplication({ id: 'a1' }, 'a1')).toEqual({ id: 'a1' })
})

test('a material upload: its progress while it runs, the server view kept, nothing left when done', async () => {
  const seen: number[] = []
  const unsubscribe = useProcess.subscribe((s, before) => {
    if (s.uploads !== before.uploads && s.uploads['id-card'] !== undefined) seen.push(s.uploads['id-card'])
  })
  mockUploadAnswer = { statusCode: 200, data: JSON.stringify(materials('a1')) }
  expect(await useProcess.getState().uploadMaterial('a1', 'id-card')).toBeNull()
  unsubscribe()
  expect(mockUploads[0].url).toMatch(/\/api\/applications\/a1\/materials\/id-card$/)
  expect(seen).toEqual([0, 40])
  expect(useProcess.getState().uploads).toEqual({})
  expect(useProcess.getState().materials).toEqual(materials('a1'))
})

test("a refused material comes back as the server's Chinese message", async () => {
  mockUploadAnswer = {
    statusCode: 400,
    data: JSON.stringify({ error: { code: 'MATERIAL_FORMAT', message: '身份证（正反面）只能上传 JPG 图片' } }),
  }
  expect(await useProcess.getState().uploadMaterial('a1', 'id-card')).toEqual({
    text: '身份证（正反面）只能上传 JPG 图片',
    refusal: null,
  })
  expect(useProcess.getState().uploads).toEqual({})
  expect(useProcess.getState().materials).toBeNull()
})

test("another candidate's login, or a logout, leaves nothing of the last candidate's", () => {
  const messages = { messages: [], subscribed: true }
  useSession.getState().signIn(account('first'))
  useProcess.setState({ materials: materials('a1'), messages })
  useSession.getState().signIn(account('first'))
  expect(useProcess.getState().messages).toBe(messages)
  useSession.getState().signIn(account('second'))
  expect(useProcess.getState()).toMatchObject({ materials: null, messages: null })

  useProcess.setState({ messages })
  useSession.getState().clear()
  expect(useProcess.getState().messages).toBeNull()
})

test('the review writes sizes as candidates read them', () => {
  expect([45, 1023, 1024, 111_945, 1024 * 1024, 5 * 1024 * 1024 - 1].map(fileSize)).toEqual([
    '45 B',
    '1023 B',
    '1.0 KB',
    '109.3 KB',
    '1.00 MB',
    '5.00 MB',
  ])
})
