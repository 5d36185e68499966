import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { HistoryRow } from '../entity-changes.ts'
import type { AttributeInstance } from '../model.ts'
import { isoText } from './time-range-sql.ts'

/** An entity the temporal API knows: every entity that ever existed (context.temporal_entities). */
export interface TemporalEntityRow {
  id: string
  types: string[]
  created_at: string
  /** From the live entity, when it still exists. */
  modified_at: string | null
  deleted_at: string | null
}

/** The columns of a TemporalEntityRow, from `context.temporal_entities e`. */
export const TEMPORAL_ENTITY_COLUMNS = sql`e.id, e.types, ${isoText(sql`e.created_at`)} AS created_at,
  ${isoText(sql`(SELECT l.modified_at FROM context.entities l WHERE l.tenant = e.tenant AND l.id = e.id)`)} AS modified_at,
  ${isoText(sql`e.deleted_at`)} AS deleted_at`

export async function findTemporalEntity(
  db: Database,
  tenant: string,
  id: string,
): Promise<TemporalEntityRow | undefined> {
  const { rows } = await sql<TemporalEntityRow>`
    SELECT ${TEMPORAL_ENTITY_COLUMNS} FROM context.temporal_entities e
    WHERE e.tenant = ${tenant} AND e.id = ${id}`.execute(db)
  return rows[0]
}

const instancesFrom = (history: readonly HistoryRow[]) => sql`
  jsonb_to_recordset(${JSON.stringify(history)}::jsonb)
    AS r(attribute text, dataset_id text, observed_at timestamptz, number double precision, instance jsonb)`

/**
 * NGSI-LD 5.6.11: registers the entity (its types joined to those known) and appends its instances,
 * in one statement. True when the temporal entity is new.
 */
export async function addTemporalEvolution(
  db: Database,
  tenant: string,
  entity: { id: string; types: string[] },
  history: readonly HistoryRow[],
  at: string,
): Promise<boolean> {
  const { rows } = await sql<{ created: boolean }>`
    WITH known AS (
      INSERT INTO context.temporal_entities AS t (tenant, id, types, created_at)
      VALUES (${tenant}, ${entity.id}, ${entity.types}::text[], ${at})
      ON CONFLICT (tenant, id) DO UPDATE
        SET types = t.types || ARRAY(SELECT n FROM unnest(excluded.types) n WHERE n <> ALL(t.types))
      RETURNING (xmax = 0) AS created
    ), history AS (
      INSERT INTO context.attribute_instances (tenant, entity_id, attribute, dataset_id, observed_at, number, instance)
      SELECT ${tenant}, ${entity.id}, r.attribute, r.dataset_id, r.observed_at, r.number, r.instance
      FROM ${instancesFrom(history)}
    )
    SELECT created FROM known`.execute(db)
  return rows[0]?.created ?? false
}

/** NGSI-LD 5.6.12: appends instances to a known temporal entity; false when it is unknown. */
export async function appendInstances(
  db: Database,
  tenant: string,
  id: string,
  history: readonly HistoryRow[],
): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    WITH known AS (
      SELECT id FROM context.temporal_entities WHERE tenant = ${tenant} AND id = ${id}
    ), history AS (
      INSERT INTO context.attribute_instances (tenant, entity_id, attribute, dataset_id, observed_at, number, instance)
      SELECT ${tenant}, known.id, r.attribute, r.dataset_id, r.observed_at, r.number, r.instance
      FROM known, ${instancesFrom(history)}
    )
    SELECT id FROM known`.execute(db)
  return rows.length === 1
}

/** NGSI-LD 5.6.16: the entity's whole history and its registration; the live entity is left alone. */
export async function deleteTemporalEntity(db: Database, tenant: string, id: string): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    WITH removed AS (
      DELETE FROM context.temporal_entities WHERE tenant = ${tenant} AND id = ${id} RETURNING id
    ), history AS (
      DELETE FROM context.attribute_instances WHERE tenant = ${tenant} AND entity_id = ${id}
    )
    SELECT id FROM removed`.execute(db)
  return rows.length === 1
}

/** NGSI-LD 5.6.13: one attribute's history (default instances, one datasetId, or all); rows removed. */
export async function deleteAttributeHistory(
  db: Database,
  tenant: string,
  id: string,
  attribute: string,
  options: { datasetId?: string | undefined; deleteAll: boolean },
): Promise<number> {
  const { rows } = await sql<{ removed: number }>`
    WITH removed AS (
      DELETE FROM context.attribute_instances
      WHERE tenant = ${tenant} AND entity_id = ${id} AND attribute = ${attribute}
        ${options.deleteAll ? sql`` : sql`AND dataset_id = ${options.datasetId ?? ''}`}
      RETURNING 1
    )
    SELECT count(*)::int AS removed FROM removed`.execute(db)
  return rows[0]?.removed ?? 0
}

export interface StoredInstance {
  instance: AttributeInstance | { type: string; deletedAt: string }
  observed_at: string
  dataset_id: string
}

export async function findInstance(
  db: Database,
  tenant: string,
  entityId: string,
  attribute: string,
  instanceId: string,
): Promise<StoredInstance | undefined> {
  const { rows } = await sql<StoredInstance>`
    SELECT instance, ${isoText(sql`observed_at`)} AS observed_at, dataset_id FROM context.attribute_instances
    WHERE id = ${instanceId}::bigint AND tenant = ${tenant} AND entity_id = ${entityId} AND attribute = ${attribute}`.execute(
    db,
  )
  return rows[0]
}

/** NGSI-LD 5.6.15: rewrites one instance in place, keeping its instanceId. */
export async function replaceInstance(
  db: Database,
  tenant: string,
  entityId: string,
  instanceId: string,
  row: HistoryRow,
): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    UPDATE context.attribute_instances
    SET observed_at = ${row.observed_at}::timestamptz, number = ${row.number}::float8,
      instance = ${JSON.stringify(row.instance)}::jsonb, dataset_id = ${row.dataset_id}
    WHERE id = ${instanceId}::bigint AND tenant = ${tenant} AND entity_id = ${entityId} AND attribute = ${row.attribute}
    RETURNING id::text`.execute(db)
  return rows.length === 1
}

/** NGSI-LD 5.6.16 (instance): removes one instance. */
export async function deleteInstance(
  db: Database,
  tenant: string,
  entityId: string,
  attribute: string,
  instanceId: string,
): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    DELETE FROM context.attribute_instances
    WHERE id = ${instanceId}::bigint AND tenant = ${tenant} AND entity_id = ${entityId} AND attribute = ${attribute}
    RETURNING id::text`.execute(db)
  return rows.length === 1
}
