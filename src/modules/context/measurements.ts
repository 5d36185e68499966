import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import type { Measurement } from '../../platform/metrics/measurement.ts'

/** An entity counts as active when it changed within this window (a sensor reporting). */
export const ACTIVE_WITHIN_MINUTES = 60

export interface TypeStatistics {
  type: string
  entities: number
  active: number
  observationsToday: number
}

/** Per entity type, across tenants: for dashboards and KPIs. Counts only, nothing about anyone. */
export async function typeStatistics(db: Database): Promise<TypeStatistics[]> {
  const { rows } = await sql<{ type: string; entities: number; active: number; observations_today: number }>`
    WITH kinds AS (
      SELECT t AS type, count(*)::int AS entities,
        count(*) FILTER (WHERE modified_at > now() - make_interval(mins => ${ACTIVE_WITHIN_MINUTES}))::int AS active
      FROM context.entities, unnest(types) AS t GROUP BY t
    ), today AS (
      SELECT t AS type, count(*)::int AS observations_today
      FROM context.attribute_instances i
        JOIN context.temporal_entities e ON e.tenant = i.tenant AND e.id = i.entity_id
        CROSS JOIN LATERAL unnest(e.types) AS t
      WHERE i.recorded_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
      GROUP BY t
    )
    SELECT coalesce(k.type, d.type) AS type, coalesce(k.entities, 0) AS entities, coalesce(k.active, 0) AS active,
      coalesce(d.observations_today, 0) AS observations_today
    FROM kinds k FULL JOIN today d ON d.type = k.type ORDER BY 1`.execute(db)
  return rows.map((row) => ({
    type: row.type,
    entities: row.entities,
    active: row.active,
    observationsToday: row.observations_today,
  }))
}

const count = async (db: Database, query: ReturnType<typeof sql<{ n: number }>>): Promise<number> =>
  (await query.execute(db)).rows[0]?.n ?? 0

export const entityMeasurements: readonly Measurement[] = [
  {
    name: 'context.entities',
    description: 'NGSI-LD entities held (sensors, places, vehicles…)',
    unit: 'entity',
    measure: (db) => count(db, sql<{ n: number }>`SELECT count(*)::int AS n FROM context.entities`),
  },
  {
    name: 'context.entities.active',
    description: `Entities that reported within the last ${ACTIVE_WITHIN_MINUTES} minutes (active sensors)`,
    unit: 'entity',
    measure: (db) =>
      count(
        db,
        sql<{ n: number }>`SELECT count(*)::int AS n FROM context.entities
          WHERE modified_at > now() - make_interval(mins => ${ACTIVE_WITHIN_MINUTES})`,
      ),
  },
  {
    name: 'context.observations.today',
    description: 'Attribute values stored today (UTC) in the history',
    unit: 'observation',
    measure: (db) =>
      count(
        db,
        sql<{ n: number }>`SELECT count(*)::int AS n FROM context.attribute_instances
          WHERE recorded_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`,
      ),
  },
]
