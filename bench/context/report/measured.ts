import type { BatchCreate, BatchReplace, RawWrite } from '../measures/batch.ts'
import type { GetMeasure } from '../measures/get.ts'
import type { PatchMeasure } from '../measures/patch.ts'
import type { QueryMeasure } from '../measures/query.ts'
import type { RequestCeilings } from '../measures/request-ceilings.ts'
import type { TemporalMeasure } from '../measures/temporal.ts'
import type { Row } from './table.ts'

/** Everything one backend's run measured, for the table and for where time goes. */
export interface Measured {
  entities: number
  /** The share of the targets expected on this backend. */
  factor: number
  requests: RequestCeilings
  create: BatchCreate
  replace: BatchReplace
  raw: RawWrite
  get: GetMeasure
  query: QueryMeasure
  patch: PatchMeasure
  temporal: TemporalMeasure
  notifications: Row
  /** The entity and history tables after the run, as one line. */
  tables: string
}
