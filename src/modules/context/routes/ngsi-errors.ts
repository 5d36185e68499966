import type { FastifyError, FastifyInstance } from 'fastify'
import { Problem } from '../../../platform/http/problem.ts'
import { NgsiError, type NgsiErrorType } from '../errors.ts'

const BY_FASTIFY_CODE: Record<string, NgsiErrorType> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PayloadTooLarge',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UnsupportedMediaType',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'InvalidRequest',
  FST_ERR_CTP_INVALID_JSON_BODY: 'InvalidRequest',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'InvalidRequest',
}

const BY_STATUS: Record<number, NgsiErrorType> = {
  400: 'BadRequestData',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'ResourceNotFound',
  406: 'NotAcceptable',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
}

function toNgsiError(error: FastifyError | Problem | NgsiError | Error): NgsiError {
  if (error instanceof NgsiError) return error
  if (error instanceof Problem)
    return new NgsiError(BY_STATUS[error.status] ?? 'InternalError', error.message)
  const fastifyError = error as FastifyError
  if (fastifyError.validation) {
    const where = fastifyError.validationContext ?? 'request'
    const issues = fastifyError.validation.map(
      (issue) => `${where}${issue.instancePath.replaceAll('/', '.')} ${issue.message}`,
    )
    return new NgsiError('BadRequestData', `${issues.join('; ')}.`)
  }
  const known = fastifyError.code ? BY_FASTIFY_CODE[fastifyError.code] : undefined
  if (known) return new NgsiError(known, fastifyError.message)
  if (error instanceof SyntaxError)
    return new NgsiError('InvalidRequest', `The body is not valid JSON: ${error.message}`)
  const status = fastifyError.statusCode ?? 500
  if (status < 500) return new NgsiError(BY_STATUS[status] ?? 'BadRequestData', fastifyError.message)
  return new NgsiError(
    'InternalError',
    'The request could not be completed. Try again; if it keeps failing, report the request id.',
  )
}

/** NGSI-LD 6.3.2: every error on this API is a ProblemDetails document of the spec's error types. */
export function installNgsiErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Problem | NgsiError | Error, request, reply) => {
    const ngsi = toNgsiError(error)
    if (ngsi.status >= 500 && !(error instanceof NgsiError))
      request.log.error({ err: error }, 'NGSI-LD request failed')
    return reply
      .code(ngsi.status)
      .type('application/json')
      .header('x-request-id', String(request.id))
      .send({ ...ngsi.body, instance: request.url, requestId: String(request.id) })
  })
  app.setNotFoundHandler({}, (request, reply) => {
    const error = new NgsiError(
      'ResourceNotFound',
      `There is no NGSI-LD resource at ${request.method} ${request.url.split('?')[0]}.`,
    )
    return reply
      .code(404)
      .type('application/json')
      .send({ ...error.body, instance: request.url })
  })
}
