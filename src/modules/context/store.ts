import { type RawBuilder, sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import type { HistoryRow } from './entity-changes.ts'
import { type AttributeInstance, type EntityAttributes, LOCATION, type StoredEntity } from './model.ts'

export interface EntityRow {
  id: string
  types: string[]
  scopes: string[] | null
  attrs: EntityAttributes
  created_at: Date | string
  modified_at: Date | string
  version: number
}

/** An entity as held, with the version a compare-and-set write must match. */
export interface VersionedEntity {
  entity: StoredEntity
  version: number
}

const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString()

export function toEntity(row: EntityRow): StoredEntity {
  return {
    id: row.id,
    types: row.types,
    ...(row.scopes ? { scopes: row.scopes } : {}),
    attrs: row.attrs,
    createdAt: iso(row.created_at),
    modifiedAt: iso(row.modified_at),
  }
}

/** The default instance of `location`, as GeoJSON text for PostGIS, or null. */
export function locationOf(attrs: EntityAttributes): string | null {
  const instances: AttributeInstance[] | undefined = attrs[LOCATION]
  const chosen = instances?.find((instance) => instance.datasetId === undefined) ?? instances?.[0]
  return chosen?.value ? JSON.stringify(chosen.value) : null
}

const geometry = (text: string | null): RawBuilder<unknown> =>
  text === null ? sql`NULL` : sql`ST_SetSRID(ST_GeomFromGeoJSON(${text}), 4326)`

const COLUMNS = sql`id, types, scopes, attrs, created_at, modified_at, version`

export async function findEntity(
  db: Database,
  tenant: string,
  id: string,
): Promise<VersionedEntity | undefined> {
  const { rows } = await sql<EntityRow>`
    SELECT ${COLUMNS} FROM context.entities WHERE tenant = ${tenant} AND id = ${id}`.execute(db)
  const row = rows[0]
  return row ? { entity: toEntity(row), version: row.version } : undefined
}

export async function findEntities(
  db: Database,
  tenant: string,
  ids: readonly string[],
  options: { lock?: boolean } = {},
): Promise<Map<string, VersionedEntity>> {
  if (ids.length === 0) return new Map()
  const { rows } = await sql<EntityRow>`
    SELECT ${COLUMNS} FROM context.entities WHERE tenant = ${tenant} AND id = ANY(${ids as string[]}::text[])
    ORDER BY id ${options.lock ? sql`FOR UPDATE` : sql``}`.execute(db)
  return new Map(rows.map((row) => [row.id, { entity: toEntity(row), version: row.version }]))
}

const historyInsert = (tenant: string, entityId: RawBuilder<unknown>, history: readonly HistoryRow[]) => sql`
  INSERT INTO context.attribute_instances (tenant, entity_id, attribute, dataset_id, observed_at, number, instance)
  SELECT ${tenant}, ${entityId}, r.attribute, r.dataset_id, r.observed_at, r.number, r.instance
  FROM jsonb_to_recordset(${JSON.stringify(history)}::jsonb)
    AS r(attribute text, dataset_id text, observed_at timestamptz, number double precision, instance jsonb)`

/** Creates an entity with its history in one statement; false when the id is taken. */
export async function insertEntity(
  db: Database,
  tenant: string,
  entity: StoredEntity,
  history: readonly HistoryRow[],
): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    WITH written AS (
      INSERT INTO context.entities (tenant, id, types, scopes, attrs, location, created_at, modified_at)
      VALUES (${tenant}, ${entity.id}, ${entity.types}::text[], ${entity.scopes ?? null}::text[],
        ${JSON.stringify(entity.attrs)}::jsonb, ${geometry(locationOf(entity.attrs))},
        ${entity.createdAt}, ${entity.modifiedAt})
      ON CONFLICT (tenant, id) DO NOTHING
      RETURNING id
    ), known AS (
      INSERT INTO context.temporal_entities (tenant, id, types, created_at)
      SELECT ${tenant}, id, ${entity.types}::text[], ${entity.createdAt} FROM written
      ON CONFLICT (tenant, id) DO UPDATE SET types = excluded.types, deleted_at = NULL
    ), history AS (${historyInsert(tenant, sql`written.id`, history)} , written WHERE true)
    SELECT id FROM written`.execute(db)
  return rows.length === 1
}

/**
 * Writes a new state if the entity is still at `version` (compare-and-set, so concurrent writers
 * never lose each other's changes), with its history rows in the same statement.
 */
export async function updateEntity(
  db: Database,
  tenant: string,
  entity: StoredEntity,
  version: number,
  history: readonly HistoryRow[],
  options: { typesChanged?: boolean } = {},
): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    WITH written AS (
      UPDATE context.entities SET types = ${entity.types}::text[], scopes = ${entity.scopes ?? null}::text[],
        attrs = ${JSON.stringify(entity.attrs)}::jsonb, location = ${geometry(locationOf(entity.attrs))},
        modified_at = ${entity.modifiedAt}, version = version + 1
      WHERE tenant = ${tenant} AND id = ${entity.id} AND version = ${version}
      RETURNING id
    ), history AS (${historyInsert(tenant, sql`written.id`, history)}, written WHERE true)
    ${
      options.typesChanged
        ? sql`, known AS (UPDATE context.temporal_entities SET types = ${entity.types}::text[]
            WHERE tenant = ${tenant} AND id IN (SELECT id FROM written))`
        : sql``
    }
    SELECT id FROM written`.execute(db)
  return rows.length === 1
}

export async function deleteEntity(
  db: Database,
  tenant: string,
  id: string,
): Promise<StoredEntity | undefined> {
  const { rows } = await sql<EntityRow>`
    WITH removed AS (
      DELETE FROM context.entities WHERE tenant = ${tenant} AND id = ${id} RETURNING ${COLUMNS}
    ), known AS (
      UPDATE context.temporal_entities SET deleted_at = now()
      WHERE tenant = ${tenant} AND id IN (SELECT id FROM removed)
    )
    SELECT * FROM removed`.execute(db)
  const row = rows[0]
  return row ? toEntity(row) : undefined
}

export async function deleteEntities(
  db: Database,
  tenant: string,
  ids: readonly string[],
): Promise<StoredEntity[]> {
  const { rows } = await sql<EntityRow>`
    WITH removed AS (
      DELETE FROM context.entities WHERE tenant = ${tenant} AND id = ANY(${ids as string[]}::text[]) RETURNING ${COLUMNS}
    ), known AS (
      UPDATE context.temporal_entities SET deleted_at = now()
      WHERE tenant = ${tenant} AND id IN (SELECT id FROM removed)
    )
    SELECT * FROM removed`.execute(db)
  return rows.map(toEntity)
}

export interface BulkWrite {
  entity: StoredEntity
  history: HistoryRow[]
  created: boolean
}

/** Writes many entities' states and histories in three statements (batch operations). */
export async function writeEntities(
  db: Database,
  tenant: string,
  writes: readonly BulkWrite[],
): Promise<void> {
  if (writes.length === 0) return
  const states = writes.map(({ entity }) => ({
    id: entity.id,
    types: entity.types,
    scopes: entity.scopes ?? null,
    attrs: entity.attrs,
    location: locationOf(entity.attrs),
    created_at: entity.createdAt,
    modified_at: entity.modifiedAt,
  }))
  await sql`
    INSERT INTO context.entities (tenant, id, types, scopes, attrs, location, created_at, modified_at)
    SELECT ${tenant}, s.id, s.types, s.scopes, s.attrs,
      CASE WHEN s.location IS NULL THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON(s.location), 4326) END,
      s.created_at, s.modified_at
    FROM jsonb_to_recordset(${JSON.stringify(states)}::jsonb)
      AS s(id text, types text[], scopes text[], attrs jsonb, location text, created_at timestamptz, modified_at timestamptz)
    ON CONFLICT (tenant, id) DO UPDATE SET types = excluded.types, scopes = excluded.scopes, attrs = excluded.attrs,
      location = excluded.location, modified_at = excluded.modified_at, version = context.entities.version + 1`.execute(
    db,
  )
  const known = writes
    .filter((write) => write.created)
    .map(({ entity }) => ({ id: entity.id, types: entity.types, created_at: entity.createdAt }))
  if (known.length > 0)
    await sql`
      INSERT INTO context.temporal_entities (tenant, id, types, created_at)
      SELECT ${tenant}, k.id, k.types, k.created_at
      FROM jsonb_to_recordset(${JSON.stringify(known)}::jsonb) AS k(id text, types text[], created_at timestamptz)
      ON CONFLICT (tenant, id) DO UPDATE SET types = excluded.types, deleted_at = NULL`.execute(db)
  const history = writes.flatMap(({ entity, history }) =>
    history.map((row) => ({ ...row, entity_id: entity.id })),
  )
  if (history.length > 0)
    await sql`
      INSERT INTO context.attribute_instances (tenant, entity_id, attribute, dataset_id, observed_at, number, instance)
      SELECT ${tenant}, r.entity_id, r.attribute, r.dataset_id, r.observed_at, r.number, r.instance
      FROM jsonb_to_recordset(${JSON.stringify(history)}::jsonb)
        AS r(entity_id text, attribute text, dataset_id text, observed_at timestamptz, number double precision, instance jsonb)`.execute(
      db,
    )
}

export async function tenantNames(db: Database): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM context.tenants`.execute(db)
  return rows.map((row) => row.name)
}

export async function addTenant(db: Database, name: string): Promise<void> {
  await sql`INSERT INTO context.tenants (name) VALUES (${name}) ON CONFLICT DO NOTHING`.execute(db)
}
