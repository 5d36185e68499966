/**
 * An error a caller can act on, answered as `application/problem+json` (RFC 9457) with a stable
 * `code` (`CATALOG_DATASET_NOT_FOUND`). Services throw it; the HTTP layer shapes it.
 */
export class Problem extends Error {
  override readonly name = 'Problem'
  readonly status: number
  readonly code: string
  readonly title: string
  readonly extensions: Record<string, unknown>

  constructor(
    status: number,
    code: string,
    title: string,
    detail?: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title)
    this.status = status
    this.code = code
    this.title = title
    this.extensions = extensions
  }
}

export interface ProblemBody {
  type: string
  title: string
  status: number
  detail: string
  code: string
  instance: string
  requestId: string
  [extension: string]: unknown
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8'

export function problemType(code: string): string {
  return `urn:cetate:problem:${code.toLowerCase().replaceAll('_', '-')}`
}
