import type { TermMap } from '../../../src/modules/context/json-ld/term-map.ts'
import { readEntityFilter } from '../../../src/modules/context/query/entity-filter.ts'
import type { Database } from '../../../src/platform/db/database.ts'
import type { NgsiCetate } from '../../../test/support/ngsi.ts'
import { QUERY } from '../workload.ts'

/** The broker under test once started, as the operations of the server process see it. */
export interface Broker {
  server: NgsiCetate
  terms: TermMap
  /** How many entities the bench seeds. */
  entities: number
}

export const brokerDb = (broker: Broker): Database => broker.server.cetate.database.db

/** The query measure's filter and page, as the query route reads them. */
export const queryFilter = () => readEntityFilter(QUERY)
export const queryPage = { limit: 20, offset: 0, count: false }
