import type { Socket } from 'node:net'
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify'
import type { ErrorCode } from '../../types/errors'
import { HttpError } from './errors'

/**
 * Requests that never reach a route (the router or Node's HTTP parser refuses them) still get the contract's error
 * body: a code and a Chinese message, never fastify's English default nor an echo of the URL (it may hold personal
 * data). Passed to Fastify() by app.ts.
 */

/** Path parameters longer than this are refused (ids are at most 64 characters; 100 is fastify's default). */
export const MAX_PARAM_LENGTH = 100

/** fastify's router: a bad percent-encoding or a lone surrogate in the path, a path parameter that is too long. */
export function frameworkErrors(error: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const answer =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new HttpError(414, 'BAD_REQUEST', '请求地址过长')
      : error.code === 'FST_ERR_BAD_URL'
        ? new HttpError(400, 'BAD_REQUEST', '请求地址的编码不正确')
        : new HttpError(400, 'BAD_REQUEST')
  ;(reply as unknown as { errorCode?: ErrorCode }).errorCode = answer.code
  void reply.code(answer.status).header('content-type', 'application/json; charset=utf-8').send(answer.toBody())
}

/**
 * Node's HTTP parser: a request line or headers over the limit (a query string over 16 KB), a malformed request.
 * Answered on the socket itself, as Node does, but with the contract's body; the connection is closed after.
 * https://nodejs.org/api/http.html#event-clienterror
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed || !socket.writable) {
    socket.destroy()
    return
  }
  const answer =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? new HttpError(431, 'BAD_REQUEST', '请求地址或请求头过长')
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new HttpError(408, 'BAD_REQUEST', '请求超时，请重试')
        : new HttpError(400, 'BAD_REQUEST')
  const body = JSON.stringify(answer.toBody())
  const reason =
    answer.status === 431
      ? 'Request Header Fields Too Large'
      : answer.status === 408
        ? 'Request Timeout'
        : 'Bad Request'
  socket.end(
    `HTTP/1.1 ${answer.status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

/** The Fastify() options this file supplies. */
export const wireErrorOptions: Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> & {
  routerOptions: { maxParamLength: number }
} = {
  frameworkErrors,
  clientErrorHandler,
  routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
}
