/**
 * A Node stand-in for `@tarojs/taro`, for jest: request() and uploadFile() over fetch (so the real API client talks
 * to the real mock server), storage in memory, UI calls as no-ops that record what they were asked.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

const storage = new Map<string, unknown>()
export const shown: { toasts: string[]; navigations: string[] } = { toasts: [], navigations: [] }

interface RequestOptions {
  url: string
  method?: string
  data?: unknown
  header?: Record<string, string>
  timeout?: number
}

async function request(
  options: RequestOptions,
): Promise<{ statusCode: number; data: unknown; header: Record<string, string> }> {
  const method = options.method ?? 'GET'
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), options.timeout ?? 15000)
  try {
    const res = await fetch(options.url, {
      method,
      headers: options.header,
      body: method === 'GET' || options.data === undefined ? undefined : JSON.stringify(options.data),
      signal: controller.signal,
    })
    const text = await res.text()
    const header: Record<string, string> = {}
    res.headers.forEach((value, key) => (header[key] = value))
    return { statusCode: res.status, data: text, header }
  } catch (err) {
    const aborted = (err as Error).name === 'AbortError'
    throw { errMsg: aborted ? 'request:fail timeout' : `request:fail ${(err as Error).message}` }
  } finally {
    clearTimeout(timer)
  }
}

interface UploadOptions {
  url: string
  filePath: string
  name: string
  formData?: Record<string, string>
  header?: Record<string, string>
  success?: (res: { statusCode: number; data: string }) => void
  fail?: (err: { errMsg: string }) => void
}

/**
 * uploadFile() as a multipart POST over fetch: `filePath` is a file on disk (the mini-programs' temp file). Like
 * WeChat's, the answer has the status and the body text only; the task reports progress, and the response headers
 * through onHeadersReceived before the answer.
 */
function uploadFile(options: UploadOptions): {
  onProgressUpdate: (cb: (p: { progress: number }) => void) => void
  onHeadersReceived: (cb: (r: { header: Record<string, string> }) => void) => void
} {
  const progress: ((p: { progress: number }) => void)[] = []
  const headersReceived: ((r: { header: Record<string, string> }) => void)[] = []
  void (async () => {
    try {
      const bytes = await readFile(options.filePath)
      const form = new FormData()
      for (const [key, value] of Object.entries(options.formData ?? {})) form.append(key, value)
      form.append(options.name, new Blob([new Uint8Array(bytes)]), path.basename(options.filePath))
      const res = await fetch(options.url, { method: 'POST', headers: options.header, body: form })
      const header: Record<string, string> = {}
      res.headers.forEach((value, key) => (header[key] = value))
      headersReceived.forEach((cb) => cb({ header }))
      const data = await res.text()
      progress.forEach((cb) => cb({ progress: 100 }))
      options.success?.({ statusCode: res.status, data })
    } catch (err) {
      options.fail?.({ errMsg: `uploadFile:fail ${(err as Error).message}` })
    }
  })()
  return {
    onProgressUpdate: (cb) => void progress.push(cb),
    onHeadersReceived: (cb) => void headersReceived.push(cb),
  }
}

const Taro = {
  request,
  uploadFile,
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  clearStorageSync: () => storage.clear(),
  getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 0 }),
  showToast: (opts: { title: string }) => {
    shown.toasts.push(opts.title)
    return Promise.resolve()
  },
  navigateTo: (opts: { url: string }) => {
    shown.navigations.push(opts.url)
    return Promise.resolve()
  },
  redirectTo: (opts: { url: string }) => {
    shown.navigations.push(opts.url)
    return Promise.resolve()
  },
  reLaunch: (opts: { url: string }) => {
    shown.navigations.push(opts.url)
    return Promise.resolve()
  },
  navigateBack: () => Promise.resolve(),
  getCurrentPages: () => [] as unknown[],
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB', SWAN: 'SWAN', ALIPAY: 'ALIPAY' },
}

export function resetTaroStub(): void {
  storage.clear()
  shown.toasts.length = 0
  shown.navigations.length = 0
}

export default Taro
