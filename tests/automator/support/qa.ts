import { qaClient } from '../../../scripts/lib/qa-client'
import { mockUrl } from './env'
import { element, type Page } from './app'

/** The mock server's QA API by name (types/qa.ts), as QA calls it from their own specs. */
export const qaApi = qaClient(mockUrl)

/**
 * The answer of the captcha `page` shows in `<prefix>-captcha-image` (e.g. 'login-face'), found by its image: a page
 * can have fetched two captchas (the password and the face form, a refresh), and the server's last one may be the
 * other. Waits for the image.
 */
export async function captchaShown(page: Page, prefix: string): Promise<string> {
  const image = await element(page, `#${prefix}-captcha-image`)
  const src = String(await image.attribute('src'))
  return (await qaApi('shownCaptcha', { image: src })).answer
}
