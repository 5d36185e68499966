import { Problem } from '../../../platform/http/problem.ts'

/** A records query the caller can correct; `field` names the parameter at fault (CKAN reports errors per field). */
export function invalidQuery(field: string, detail: string): Problem {
  return new Problem(400, 'CATALOG_RECORDS_QUERY_INVALID', 'The records query is not valid', detail, {
    field,
  })
}
