/** NGSI-LD ProblemDetails error types with their HTTP status (ETSI GS CIM 009 v1.8, 6.3.2 and 5.5.2). */
export const NGSI_ERRORS = {
  InvalidRequest: 400,
  BadRequestData: 400,
  AlreadyExists: 409,
  OperationNotSupported: 422,
  ResourceNotFound: 404,
  InternalError: 500,
  TooComplexQuery: 403,
  TooManyResults: 403,
  LdContextNotAvailable: 503,
  NoMultiTenantSupport: 501,
  NonexistentTenant: 404,
  // Not in the table, but the statuses a client needs to act on.
  Unauthorized: 401,
  Forbidden: 403,
  NotAcceptable: 406,
  PayloadTooLarge: 413,
  UnsupportedMediaType: 415,
} as const

export type NgsiErrorType = keyof typeof NGSI_ERRORS

const TITLES: Record<NgsiErrorType, string> = {
  InvalidRequest: 'The request is syntactically invalid or includes wrong content',
  BadRequestData: 'The request includes input data which does not meet the requirements of the operation',
  AlreadyExists: 'The referred element already exists',
  OperationNotSupported: 'The operation is not supported',
  ResourceNotFound: 'The referred resource has not been found',
  InternalError: 'There has been an error during the operation execution',
  TooComplexQuery: 'The query is too complex to be answered',
  TooManyResults: 'The query leads to too many results',
  LdContextNotAvailable: 'A remote JSON-LD @context could not be retrieved',
  NoMultiTenantSupport: 'Tenants are not supported',
  NonexistentTenant: 'The addressed tenant does not exist',
  Unauthorized: 'Credentials are missing or not valid',
  Forbidden: 'The caller may not do this',
  NotAcceptable: 'None of the accepted media types can be produced',
  PayloadTooLarge: 'The request body is too large',
  UnsupportedMediaType: 'This content type is not accepted here',
}

export const ERROR_TYPE_BASE = 'https://uri.etsi.org/ngsi-ld/errors/'

/** An error answered on the NGSI-LD API as a ProblemDetails document of the spec's error type. */
export class NgsiError extends Error {
  readonly type: NgsiErrorType
  readonly status: number
  constructor(type: NgsiErrorType, detail: string) {
    super(detail)
    this.name = 'NgsiError'
    this.type = type
    this.status = NGSI_ERRORS[type]
  }

  get body(): { type: string; title: string; status: number; detail: string } {
    return {
      type: `${ERROR_TYPE_BASE}${this.type}`,
      title: TITLES[this.type],
      status: this.status,
      detail: this.message,
    }
  }
}

export const badRequest = (detail: string): NgsiError => new NgsiError('BadRequestData', detail)
export const invalidRequest = (detail: string): NgsiError => new NgsiError('InvalidRequest', detail)
export const notFound = (detail: string): NgsiError => new NgsiError('ResourceNotFound', detail)
