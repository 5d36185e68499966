import { sql } from 'kysely'
import type { JobDefinition } from '../../platform/jobs/job.ts'

/**
 * Entities are rewritten on every reading, leaving dead row versions behind. PostgreSQL's
 * autovacuum clears them; the embedded database has none, and its reads slow down as they pile up.
 */
export const entityUpkeep: JobDefinition = {
  kind: 'context.vacuum_entities',
  everyMs: 10 * 60_000,
  leaseMs: 5 * 60_000,
  async run({ db }) {
    await sql`VACUUM (ANALYZE) context.entities`.execute(db)
  },
}
