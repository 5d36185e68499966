import { entityId } from '../entities.ts'
import type { Runner } from '../server/sql-runner.ts'
import { BATCH } from '../workload.ts'

// The ceiling for batch upsert: the same rows batch upsert wrote (entity state, temporal entity, one
// history row per attribute), read back as text and written again into empty copies of the tables.

/** The rows of one batch of entities, as text, in the column order below. */
export interface CeilingChunk {
  entities: (string | null)[][]
  temporal: (string | null)[][]
  history: (string | null)[][]
}

export const ENTITY_COLUMNS = [
  'tenant',
  'id',
  'types',
  'scopes',
  'attrs',
  'location',
  'created_at',
  'modified_at',
]
export const ENTITY_CASTS = [
  'text',
  'text',
  'text[]',
  'text[]',
  'jsonb',
  'geometry',
  'timestamptz',
  'timestamptz',
]
export const TEMPORAL_COLUMNS = ['tenant', 'id', 'types', 'created_at']
export const TEMPORAL_CASTS = ['text', 'text', 'text[]', 'timestamptz']
export const HISTORY_COLUMNS = [
  'tenant',
  'entity_id',
  'attribute',
  'dataset_id',
  'observed_at',
  'number',
  'instance',
]
export const HISTORY_CASTS = ['text', 'text', 'text', 'text', 'timestamptz', 'float8', 'jsonb']

/** Creates the empty copies (schema `bench`) and reads the rows of the first `count` entities, a batch a chunk. */
export async function prepareCeiling(run: Runner, count: number): Promise<CeilingChunk[]> {
  await run('CREATE SCHEMA IF NOT EXISTS bench')
  for (const table of ['entities', 'temporal_entities', 'attribute_instances'])
    await run(`CREATE TABLE IF NOT EXISTS bench.${table} (LIKE context.${table} INCLUDING ALL)`)
  const chunks: CeilingChunk[] = []
  const text = (value: unknown): string | null =>
    value === null || value === undefined ? null : String(value)
  for (let from = 0; from < count; from += BATCH) {
    const ids = Array.from({ length: Math.min(BATCH, count - from) }, (_, i) => entityId(from + i))
    const entities = await run(
      `SELECT tenant, id, types::text AS types, scopes::text AS scopes, attrs::text AS attrs,
        location::text AS location, created_at::text AS created_at, modified_at::text AS modified_at
       FROM context.entities WHERE tenant = '' AND id = ANY($1::text[])`,
      [ids],
    )
    const temporal = await run(
      `SELECT tenant, id, types::text AS types, created_at::text AS created_at
       FROM context.temporal_entities WHERE tenant = '' AND id = ANY($1::text[])`,
      [ids],
    )
    const history = await run(
      `SELECT tenant, entity_id, attribute, dataset_id, observed_at::text AS observed_at, number::text AS number,
        instance::text AS instance
       FROM context.attribute_instances WHERE tenant = '' AND entity_id = ANY($1::text[])`,
      [ids],
    )
    chunks.push({
      entities: entities.map((row) => ENTITY_COLUMNS.map((column) => text(row[column]))),
      temporal: temporal.map((row) => TEMPORAL_COLUMNS.map((column) => text(row[column]))),
      history: history.map((row) => HISTORY_COLUMNS.map((column) => text(row[column]))),
    })
  }
  return chunks
}

export const truncateCeiling = (run: Runner) =>
  run('TRUNCATE bench.entities, bench.temporal_entities, bench.attribute_instances')
