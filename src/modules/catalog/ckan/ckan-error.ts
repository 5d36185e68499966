import { Problem } from '../../../platform/http/problem.ts'

export type CkanErrorType = 'Not Found Error' | 'Validation Error' | 'Authorization Error'

const STATUS: Record<CkanErrorType, number> = {
  'Not Found Error': 404,
  'Validation Error': 409,
  'Authorization Error': 403,
}

/** An error in CKAN's own shape: `__type`, a message, and for validation the messages per field. */
export class CkanError extends Error {
  override readonly name = 'CkanError'
  readonly type: CkanErrorType
  readonly status: number
  readonly fields: Record<string, string[]>

  constructor(type: CkanErrorType, message: string, fields: Record<string, string[]> = {}) {
    super(message)
    this.type = type
    this.status = STATUS[type]
    this.fields = fields
  }
}

export const validationError = (field: string, message: string): CkanError =>
  new CkanError('Validation Error', message, { [field]: [message] })

/** Our problems in CKAN's words: 404 → Not Found, 401/403 → Authorization, other 4xx → Validation. */
export function fromProblem(problem: Problem): CkanError {
  if (problem.status === 404) return new CkanError('Not Found Error', problem.message)
  if (problem.status === 401 || problem.status === 403)
    return new CkanError('Authorization Error', problem.message)
  const field = typeof problem.extensions.field === 'string' ? problem.extensions.field : 'request'
  return validationError(field, problem.message)
}

export function isProblem(error: unknown): error is Problem {
  return error instanceof Problem
}
