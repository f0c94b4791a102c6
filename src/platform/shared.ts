import Taro from '@tarojs/taro'
import type { ChosenImage, ImageInfo, UploadOptions, UploadResult } from './types'

/** The parts every platform does through Taro's own cross-platform APIs. */

export function isCancel(err: unknown): boolean {
  return /cancel/i.test(String((err as { errMsg?: string })?.errMsg ?? err))
}

export async function chooseImageViaTaro(source: 'album' | 'camera' | 'any'): Promise<ChosenImage | null> {
  try {
    const res = await Taro.chooseImage({
      count: 1,
      sizeType: ['original'],
      sourceType: source === 'any' ? ['album', 'camera'] : [source],
    })
    const file = res.tempFiles[0]
    return file ? { path: file.path, size: file.size } : null
  } catch (err) {
    if (isCancel(err)) return null
    throw err
  }
}

export async function getImageInfoViaTaro(path: string): Promise<ImageInfo> {
  const info = await Taro.getImageInfo({ src: path })
  const orientation = (info as { orientation?: unknown }).orientation
  return {
    width: info.width,
    height: info.height,
    type: String(info.type ?? '').toLowerCase(),
    ...(typeof orientation === 'string' ? { orientation } : {}),
  }
}

/** Reads a file's first bytes through the mini-program file system (WeChat, Alipay and Baidu all have it). */
export function readFileHeadViaTaro(path: string, length: number): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    try {
      Taro.getFileSystemManager().readFile({
        filePath: path,
        position: 0,
        length,
        success: (res) => resolve(res.data instanceof ArrayBuffer ? new Uint8Array(res.data) : null),
        fail: () => resolve(null),
      })
    } catch {
      resolve(null)
    }
  })
}

export function uploadViaTaro(options: UploadOptions): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: options.url,
      filePath: options.filePath,
      name: options.name,
      formData: options.formData,
      header: options.headers,
      // H5: the session goes in a header, not a cookie; credentials would make cross-origin uploads fail CORS.
      withCredentials: false,
      success: (res) => resolve({ statusCode: res.statusCode, data: String(res.data) }),
      fail: reject,
    })
    if (options.onProgress && task && typeof task.onProgressUpdate === 'function') {
      task.onProgressUpdate((p) => options.onProgress?.(p.progress))
    }
  })
}
