import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'

export interface DataModelRecord {
  id: string
  entityType: string | null
  aliases: string[]
  schema: Record<string, unknown>
  registeredAt: string
}

interface DataModelRow {
  id: string
  entity_type: string | null
  aliases: string[]
  schema: Record<string, unknown>
  registered_at: Date | string
}

const toRecord = (row: DataModelRow): DataModelRecord => ({
  id: row.id,
  entityType: row.entity_type,
  aliases: row.aliases,
  schema: row.schema,
  registeredAt: new Date(row.registered_at).toISOString(),
})

export async function listDataModels(db: Database, tenant: string): Promise<DataModelRecord[]> {
  const { rows } = await sql<DataModelRow>`SELECT id, entity_type, aliases, schema, registered_at
    FROM context.data_models WHERE tenant = ${tenant} ORDER BY id`.execute(db)
  return rows.map(toRecord)
}

/** Registers or replaces a schema; a type moves to the new schema if another had it. */
export async function saveDataModel(
  db: Database,
  tenant: string,
  record: Omit<DataModelRecord, 'registeredAt'>,
) {
  await db.transaction().execute(async (tx) => {
    if (record.entityType)
      await sql`UPDATE context.data_models SET entity_type = NULL
        WHERE tenant = ${tenant} AND entity_type = ${record.entityType} AND id <> ${record.id}`.execute(tx)
    await sql`INSERT INTO context.data_models (tenant, id, entity_type, aliases, schema)
      VALUES (${tenant}, ${record.id}, ${record.entityType}, ${record.aliases}::text[], ${JSON.stringify(record.schema)}::jsonb)
      ON CONFLICT (tenant, id) DO UPDATE SET entity_type = excluded.entity_type, aliases = excluded.aliases,
        schema = excluded.schema, registered_at = now()`.execute(tx)
  })
}

export async function removeDataModel(db: Database, tenant: string, id: string): Promise<boolean> {
  const { rows } = await sql<{
    id: string
  }>`DELETE FROM context.data_models WHERE tenant = ${tenant} AND id = ${id}
    RETURNING id`.execute(db)
  return rows.length === 1
}
