import { ERROR_MESSAGES, type ApiErrorBody, type ErrorCode } from '../../types/errors'

/** An error the API answers with on purpose: a status, a code from the contract and a Chinese message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
    readonly details?: Record<string, string | number | boolean>,
  ) {
    super(message ?? ERROR_MESSAGES[code])
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    }
  }
}

export const badRequest = (code: ErrorCode, message?: string, fields?: Record<string, string>) =>
  new HttpError(400, code, message, fields)
export const unauthorized = (code: ErrorCode = 'UNAUTHORIZED', message?: string) => new HttpError(401, code, message)
export const forbidden = (code: ErrorCode, message?: string) => new HttpError(403, code, message)
export const notFound = (code: ErrorCode = 'NOT_FOUND', message?: string) => new HttpError(404, code, message)
export const conflict = (code: ErrorCode, message?: string, details?: Record<string, string | number | boolean>) =>
  new HttpError(409, code, message, undefined, details)
