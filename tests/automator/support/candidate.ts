import fs from 'node:fs'
import { openPage, pageAt, tap, type, withMocked, type MiniProgram, type Page } from './app'
import { captchaShown, qaApi } from './qa'

/**
 * A new candidate made through the QA API, then logged in through the login page (captcha answer from the QA API);
 * resolves with the hub page the login lands on.
 */
export async function logInNewCandidate(
  mp: MiniProgram,
  candidate: { username: string; password: string; name: string; idNumber: string },
): Promise<Page> {
  await qaApi('createCandidate', candidate)
  return logInWithPassword(mp, candidate)
}

/**
 * Logs a candidate in through the login page (the captcha answered from the QA API by the image shown); resolves
 * with the hub page the login lands on.
 */
export async function logInWithPassword(mp: MiniProgram, user: { username: string; password: string }): Promise<Page> {
  const login = await openPage(mp, '/pages/login/index', '#login-page')
  await type(login, '#login-username', user.username)
  await type(login, '#login-password', user.password)
  await type(login, '#login-captcha', await captchaShown(login, 'login'))
  await tap(login, '#login-agree')
  await tap(login, '#login-submit')
  return pageAt(mp, 'pages/hub/index')
}

// The devtools' wx inside a mock function (the bridge gives the same in the H5 app).
declare const wx: {
  env: { USER_DATA_PATH: string }
  getFileSystemManager(): { writeFileSync(path: string, data: string, encoding: string): void }
}

/**
 * The image the candidate "picks": a mocked chooseMedia that writes a real JPEG under the user data folder and
 * answers its path, in the devtools' own shape. It runs inside the app (the SDK sends its source), so it uses nothing
 * from this file; the same code serves the WeChat devtools and the H5 bridge.
 */
function pickedImage(_options: unknown, base64: string, size: number) {
  const filePath = `${wx.env.USER_DATA_PATH}/qa-picked-${Date.now()}.jpg`
  wx.getFileSystemManager().writeFileSync(filePath, base64, 'base64')
  return { errMsg: 'chooseMedia:ok', type: 'image', tempFiles: [{ tempFilePath: filePath, size, fileType: 'image' }] }
}

/** Runs `action` (which makes the app pick an image) with chooseMedia answering `file`; restores it afterwards. */
export async function withPickedImage(mp: MiniProgram, file: string, action: () => Promise<void>): Promise<void> {
  const bytes = fs.readFileSync(file)
  await withMocked(mp, 'chooseMedia', pickedImage, [bytes.toString('base64'), bytes.length], action)
}

/**
 * The photo the candidate takes with the camera: like pickedImage, but only when the app asked for the camera alone
 * (sourceType ['camera'], in each platform's own options: WeChat chooseMedia, Alipay my.chooseImage, Baidu
 * swan.chooseImage, the H5 bridge's wx options); asked for the album, the candidate backs out (a cancel).
 */
function cameraImage(options: { sourceType?: string[] } | undefined, base64: string, size: number) {
  const source = (options && options.sourceType) || []
  if (source.length !== 1 || source[0] !== 'camera') return { errMsg: 'chooseMedia:fail cancel' }
  const filePath = `${wx.env.USER_DATA_PATH}/qa-camera-${Date.now()}.jpg`
  wx.getFileSystemManager().writeFileSync(filePath, base64, 'base64')
  return { errMsg: 'chooseMedia:ok', type: 'image', tempFiles: [{ tempFilePath: filePath, size, fileType: 'image' }] }
}

/** Runs `action` with the camera "taking" `file` (and the album answering nothing); restores chooseMedia afterwards. */
export async function withCameraImage(mp: MiniProgram, file: string, action: () => Promise<void>): Promise<void> {
  const bytes = fs.readFileSync(file)
  await withMocked(mp, 'chooseMedia', cameraImage, [bytes.toString('base64'), bytes.length], action)
}
