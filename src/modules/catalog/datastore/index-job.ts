import type { JobDefinition } from '../../../platform/jobs/job.ts'
import { selectResource } from '../store/resources.ts'
import { indexColumns } from './column-indexes.ts'
import { INDEX_JOB } from './run-load.ts'

/** Indexes a freshly loaded table's columns; a table replaced or removed meanwhile is simply skipped. */
export const indexDatastoreJob: JobDefinition = {
  kind: INDEX_JOB,
  maxAttempts: 2,
  leaseMs: 30 * 60_000,
  async run({ db, payload }) {
    const { resourceId } = payload as { resourceId: string }
    const resource = await selectResource(db, resourceId)
    if (!resource?.datastore_columns) return
    try {
      await indexColumns(db, resourceId, resource.datastore_columns)
    } catch (error) {
      // 42P01 undefined table, 42703 undefined column: a newer load replaced it; its own job indexes it.
      const code = (error as { code?: unknown }).code
      if (code === '42P01' || code === '42703') return
      throw error
    }
  },
}
