import { paint, type Drawing } from './drawing'
import { platform } from './platform'
import type { RefusalKind, SaveImageResult } from './types'

/**
 * 保存为图片 on every platform: the platform paints and exports the drawing (renderDrawing), then keeps the file
 * (saveImage: the album on the mini-programs, a download on H5). Both are looked up on `platform` at the call, so a
 * spec's mockWxMethod('saveImageToPhotosAlbum') reaches the save on every target.
 */
export async function saveDrawingAsImage(
  drawing: Drawing,
  canvasId: string,
  fileName: string,
): Promise<SaveImageResult> {
  let path: string
  try {
    path = await platform.renderDrawing(drawing, canvasId, paint)
  } catch {
    return 'failed'
  }
  return platform.saveImage(path, fileName).catch(() => 'failed' as const)
}

/** Where a saved image ended up, in the candidate's words: a download in a browser, the album on the phones. */
export function savedImageWhere(): string {
  return platform.name === 'h5' ? '图片已下载' : '已保存到相册'
}

/** A save's refusal as its kind (the album's scope, the phone's permission, WeChat's privacy popup); else null. */
export function refusalOfSave(result: SaveImageResult): RefusalKind | null {
  return result === 'denied' ? 'scope' : result === 'system' || result === 'privacy' ? result : null
}
