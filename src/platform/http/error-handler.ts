import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { PROBLEM_CONTENT_TYPE, Problem, type ProblemBody, problemType } from './problem.ts'

interface ValidationIssue {
  instancePath: string
  message?: string | undefined
  params?: Record<string, unknown>
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): FastifyReply {
  const body: ProblemBody = {
    type: problemType(problem.code),
    title: problem.title,
    status: problem.status,
    detail: problem.message,
    code: problem.code,
    instance: request.url,
    requestId: String(request.id),
    ...problem.extensions,
  }
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(body)
}

/** Every error becomes a problem document; a stack trace never reaches the client. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Problem | Error, request, reply) => {
    if (error instanceof Problem) return sendProblem(request, reply, error)
    const fastifyError = error as FastifyError
    if (fastifyError.validation) {
      return sendProblem(request, reply, validationProblem(fastifyError))
    }
    const status = fastifyError.statusCode ?? 500
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed')
      return sendProblem(
        request,
        reply,
        new Problem(
          500,
          'INTERNAL_ERROR',
          'Something went wrong on our side',
          'The request could not be completed. Try again; if it keeps failing, report the requestId.',
        ),
      )
    }
    return sendProblem(request, reply, clientProblem(fastifyError, status))
  })
}

function validationProblem(error: FastifyError): Problem {
  const location = error.validationContext ?? 'request'
  const issues = (error.validation as ValidationIssue[]).map((issue) => {
    const missing = issue.params?.missingProperty
    const extra = issue.params?.additionalProperty
    const pointer = `${issue.instancePath}${missing ? `/${missing}` : extra ? `/${extra}` : ''}`
    const message = extra ? 'is not a known field' : (issue.message ?? 'is not valid')
    return { location, pointer: pointer || '/', message }
  })
  const summary = issues.map(
    (issue) => `${issue.location}${issue.pointer.replaceAll('/', '.')} ${issue.message}`,
  )
  return new Problem(400, 'VALIDATION_FAILED', 'The request is not valid', `${summary.join('; ')}.`, {
    errors: issues,
  })
}

const CLIENT_CODES: Record<string, [string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['BODY_TOO_LARGE', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['EMPTY_BODY', 'The JSON body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['INVALID_JSON', 'The body is not valid JSON'],
}

function clientProblem(error: FastifyError, status: number): Problem {
  const known = error.code ? CLIENT_CODES[error.code] : undefined
  if (known) return new Problem(status, known[0], known[1], error.message)
  if (error instanceof SyntaxError) {
    return new Problem(400, 'INVALID_JSON', 'The body is not valid JSON', error.message)
  }
  return new Problem(status, 'BAD_REQUEST', 'The request could not be understood', error.message)
}
