import { checkPhoto, PHOTO_MAX_BYTES, type PhotoProblem } from '@domain/photo'
import { platform } from '../platform/platform'
import { refusalOf, type ChosenImage, type ImageInfo, type RefusalKind } from '../platform/types'

/** What was refused: the photo picker (album or camera), or saving to the album. */
export type PermissionUse = 'picker' | 'save'

/** Why a pick did not give a file to upload: the words shown, and the refusal's kind when the platform refused. */
export interface PickProblem {
  text: string
  refusal: RefusalKind | null
}

const APP: Record<string, string> = { weapp: '微信', alipay: '支付宝', swan: '百度App', h5: '浏览器' }

/**
 * The candidate's words for a refusal, by its kind (decided from the platform's code table, REFUSALS in
 * platform.<target>.ts) and the platform, naming the way forward PermissionHelp offers: 去设置 (the mini-program's
 * settings), 开启权限 (Alipay's guide to the phone's own permission), 重新授权 (WeChat's privacy popup again: its
 * settings cannot undo that refusal).
 */
export function refusalText(kind: RefusalKind, use: PermissionUse): string {
  const what = use === 'save' ? '保存到相册' : '选择文件'
  const app = APP[platform.name] ?? '应用'
  const never = platform.name === 'swan' ? '（百度App不会再次询问）' : ''
  switch (kind) {
    case 'scope':
      return use === 'save'
        ? `没有保存：需要允许使用相册的权限。请点击“去设置”，打开“保存到相册”后再保存。${never}`
        : `无法${what}：你拒绝了使用相册或相机的权限。请点击“去设置”，允许使用相册和相机后再试。${never}`
    case 'system':
      return platform.name === 'alipay'
        ? `无法${what}：手机没有允许${app}访问照片。请点击“开启权限”，按提示在手机设置中允许后再试。`
        : `无法${what}：手机没有允许${app}访问相册或相机。请在手机的“设置”中找到${app}，允许后再试。`
    case 'privacy':
      return `无法${what}：你未同意本小程序的《用户隐私保护指引》，同意后才能使用相册。请点击“重新授权”。`
    default:
      return use === 'save' ? '保存失败，请稍后重试' : `无法${what}，请稍后重试`
  }
}

/**
 * Runs a platform picker: the file, null when the candidate cancelled, or the refusal in the candidate's words.
 */
export async function pick<T>(choose: () => Promise<T | null>): Promise<{ file: T | null } | PickProblem> {
  try {
    return { file: await choose() }
  } catch (err) {
    const kind = refusalOf(err)
    return { text: refusalText(kind, 'picker'), refusal: kind }
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/**
 * A picked file made to fit the upload limit before anything is sent (the server refuses over 5 MB only after the
 * whole upload): a photo over it is compressed by the platform (compressImage) first; a PDF cannot be, so it is
 * refused at once. The limit is the registration photo's, which the materials follow (domain/photo.ts).
 */
export async function fitForUpload(
  file: ChosenImage,
  kind: 'photo' | 'pdf',
  max = PHOTO_MAX_BYTES,
): Promise<ChosenImage | PickProblem> {
  if (file.size <= max) return file
  if (kind === 'pdf')
    return { text: `PDF 文件太大：须不超过 ${mb(max)}，所选文件为 ${mb(file.size)}，请压缩后重新选择`, refusal: null }
  const smaller = await platform.compressImage(file)
  if (smaller.size <= max) return smaller
  return {
    text: `照片文件太大：须不超过 ${mb(max)}，所选照片压缩后仍有 ${mb(smaller.size)}，请重新拍摄或选择其他照片`,
    refusal: null,
  }
}

/**
 * A chosen photo judged by the rules (domain/photo.ts checkPhoto) before anything is sent: the format from its first
 * bytes (where the platform reads them; else the type getImageInfo reports), its size, and its upright pixel size
 * (getImageInfo's, turned by its orientation). `info` is null when the platform could not read the picture.
 */
export async function checkChosenPhoto(
  file: Pick<ChosenImage, 'path' | 'size'>,
): Promise<{ problems: PhotoProblem[]; info: ImageInfo | null }> {
  const [head, info] = await Promise.all([
    platform.readFileHead ? platform.readFileHead(file.path, 16) : Promise.resolve(null),
    platform.getImageInfo(file.path).catch(() => null),
  ])
  const problems = checkPhoto({
    head,
    reportedType: info?.type,
    size: file.size,
    width: info?.width,
    height: info?.height,
    orientation: info?.orientation,
  })
  return { problems, info }
}

export function isProblem(x: unknown): x is PickProblem {
  return !!x && typeof x === 'object' && 'text' in x && 'refusal' in x
}
