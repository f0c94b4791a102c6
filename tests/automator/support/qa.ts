import { mockUrl } from './env'
import { element, type Page } from './app'

/** Calls the mock server's QA API (/__qa/...), as QA does from their own specs. */
export async function qa<T = unknown>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${mockUrl()}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await res.json()) as T
  if (!res.ok) throw new Error(`QA ${path}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

/**
 * The answer of the captcha `page` shows in `<prefix>-captcha-image` (e.g. 'login-face'), found by its image: a page
 * can have fetched two captchas (the password and the face form, a refresh), and the server's last one may be the
 * other. Waits for the image.
 */
export async function captchaShown(page: Page, prefix: string): Promise<string> {
  const image = await element(page, `#${prefix}-captcha-image`)
  const src = String(await image.attribute('src'))
  return (await qa<{ answer: string }>('/__qa/captcha/shown', { image: src })).answer
}
