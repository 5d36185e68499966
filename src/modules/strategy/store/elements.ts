import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import { forgetDashboards } from '../dashboard-cache.ts'
import type { Element, ElementKind, ElementVersion } from '../schemas.ts'

/** The fields an element's versions keep; everything but its key and kind may change. */
export interface ElementState {
  code: string | null
  parent: string | null
  position: number
  title: LocalizedText
  summary: LocalizedText
  objectives: string[]
  retired: boolean
}

export interface Author {
  personId: string | null
  name: string
}

interface VersionRow {
  element_key: string
  kind: ElementKind
  version: number
  code: string | null
  parent_key: string | null
  position: number
  title: LocalizedText
  summary: LocalizedText
  objective_keys: string[]
  retired: boolean
  changed_by_name: string
  changed_at: Date
  note: string | null
}

const toElement = (row: VersionRow): Element => ({
  key: row.element_key,
  kind: row.kind,
  code: row.code,
  parent: row.parent_key,
  position: row.position,
  title: row.title,
  summary: row.summary,
  objectives: row.objective_keys,
  retired: row.retired,
  version: row.version,
  changedAt: row.changed_at.toISOString(),
})

export const toVersion = (row: VersionRow, showAuthor: boolean): ElementVersion => ({
  version: row.version,
  code: row.code,
  parent: row.parent_key,
  position: row.position,
  title: row.title,
  summary: row.summary,
  objectives: row.objective_keys,
  retired: row.retired,
  changedAt: row.changed_at.toISOString(),
  changedBy: showAuthor ? row.changed_by_name : null,
  note: row.note,
})

/**
 * The strategy at a moment: each element's latest version from then or before. Without a moment,
 * the current state (the same query, so the two can never disagree).
 */
export async function selectElementsAsOf(db: Database, at: Date | undefined): Promise<Element[]> {
  const { rows } = await sql<VersionRow>`SELECT DISTINCT ON (v.element_key) v.*, e.kind
    FROM strategy.element_versions v JOIN strategy.elements e ON e.key = v.element_key
    WHERE ${at ?? null}::timestamptz IS NULL OR v.changed_at <= ${at ?? null}::timestamptz
    ORDER BY v.element_key, v.version DESC`.execute(db)
  return rows.map(toElement).sort((a, b) => a.position - b.position || a.key.localeCompare(b.key))
}

export async function selectElement(db: Database, key: string): Promise<Element | undefined> {
  const { rows } = await sql<VersionRow>`SELECT v.*, e.kind FROM strategy.element_versions v
    JOIN strategy.elements e ON e.key = v.element_key
    WHERE v.element_key = ${key} ORDER BY v.version DESC LIMIT 1`.execute(db)
  return rows[0] && toElement(rows[0])
}

export async function selectVersions(db: Database, key: string): Promise<VersionRow[]> {
  const { rows } = await sql<VersionRow>`SELECT v.*, e.kind FROM strategy.element_versions v
    JOIN strategy.elements e ON e.key = v.element_key
    WHERE v.element_key = ${key} ORDER BY v.version`.execute(db)
  return rows
}

/** Every version written in a span of time, oldest first, with the version before it (if any). */
export async function selectVersionsBetween(db: Database, from: Date, to: Date): Promise<VersionRow[]> {
  const { rows } = await sql<VersionRow>`SELECT v.*, e.kind FROM strategy.element_versions v
    JOIN strategy.elements e ON e.key = v.element_key
    WHERE v.changed_at > ${from} AND v.changed_at <= ${to}
    ORDER BY v.changed_at, v.element_key, v.version LIMIT 1000`.execute(db)
  return rows
}

export async function selectVersion(db: Database, key: string, version: number) {
  const { rows } = await sql<VersionRow>`SELECT v.*, e.kind FROM strategy.element_versions v
    JOIN strategy.elements e ON e.key = v.element_key
    WHERE v.element_key = ${key} AND v.version = ${version}`.execute(db)
  return rows[0]
}

async function insertVersion(
  db: Database,
  key: string,
  version: number,
  state: ElementState,
  author: Author,
  changedAt: Date,
  note: string | null,
): Promise<void> {
  await sql`INSERT INTO strategy.element_versions (element_key, version, code, parent_key, position, title,
      summary, objective_keys, retired, changed_by, changed_by_name, changed_at, note)
    VALUES (${key}, ${version}, ${state.code}, ${state.parent}, ${state.position}, ${JSON.stringify(state.title)}::jsonb,
      ${JSON.stringify(state.summary)}::jsonb, ${state.objectives}::text[], ${state.retired}, ${author.personId},
      ${author.name}, ${changedAt}, ${note})`.execute(db)
}

export async function insertElement(
  db: Database,
  element: { key: string; kind: ElementKind } & ElementState,
  author: Author,
  note: string | null,
  /** When it took effect: now, unless a data pack records the date of its source document. */
  since?: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ changed_at: Date }>`INSERT INTO strategy.elements (key, kind, code,
        parent_key, position, title, summary, objective_keys, retired, changed_at)
      VALUES (${element.key}, ${element.kind}, ${element.code}, ${element.parent}, ${element.position},
        ${JSON.stringify(element.title)}::jsonb, ${JSON.stringify(element.summary)}::jsonb,
        ${element.objectives}::text[], ${element.retired}, coalesce(${since ?? null}::timestamptz, now()))
      RETURNING changed_at`.execute(trx)
    await insertVersion(trx, element.key, 1, element, author, rows[0]!.changed_at, note)
  })
  forgetDashboards()
}

/**
 * Writes the next version if the element is still at `expectedVersion`; answers the version it
 * found instead when someone changed it meanwhile.
 */
export async function updateElement(
  db: Database,
  key: string,
  expectedVersion: number,
  state: ElementState,
  author: Author,
  note: string | null,
): Promise<{ updated: true; version: number } | { updated: false; current: number }> {
  const outcome = await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ version: number }>`SELECT version FROM strategy.elements
      WHERE key = ${key} FOR UPDATE`.execute(trx)
    const current = rows[0]!.version
    if (current !== expectedVersion) return { updated: false as const, current }
    const version = current + 1
    // clock_timestamp: two versions written in one transaction still differ in time.
    const changed = await sql<{ changed_at: Date }>`UPDATE strategy.elements SET code = ${state.code},
        parent_key = ${state.parent}, position = ${state.position}, title = ${JSON.stringify(state.title)}::jsonb,
        summary = ${JSON.stringify(state.summary)}::jsonb, objective_keys = ${state.objectives}::text[],
        retired = ${state.retired}, version = ${version}, changed_at = clock_timestamp()
      WHERE key = ${key} RETURNING changed_at`.execute(trx)
    await insertVersion(trx, key, version, state, author, changed.rows[0]!.changed_at, note)
    return { updated: true as const, version }
  })
  forgetDashboards()
  return outcome
}

export async function countElements(db: Database): Promise<number> {
  const { rows } = await sql<{ count: string }>`SELECT count(*) AS count FROM strategy.elements`.execute(db)
  return Number(rows[0]!.count)
}

export async function maxPosition(db: Database): Promise<number> {
  const { rows } = await sql<{ position: number | null }>`SELECT max(position) AS position
    FROM strategy.elements`.execute(db)
  return rows[0]!.position ?? 0
}
