import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'

export interface PurposeState {
  key: string
  organisation: string | null
  title: LocalizedText
  description: LocalizedText
  dataCategories: string[]
  granted: boolean
  changedAt: string | null
}

export async function upsertPurpose(
  db: Database,
  purpose: {
    key: string
    organisationId: string | null
    title: LocalizedText
    description: LocalizedText
    dataCategories: readonly string[]
  },
): Promise<void> {
  await sql`INSERT INTO identity.consent_purposes (key, organisation_id, title, description, data_categories)
    VALUES (${purpose.key}, ${purpose.organisationId}, ${JSON.stringify(purpose.title)}::jsonb,
      ${JSON.stringify(purpose.description)}::jsonb, ${sql`ARRAY[${sql.join(purpose.dataCategories.map((c) => sql`${c}`))}]::text[]`})
    ON CONFLICT (key) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, title = EXCLUDED.title,
      description = EXCLUDED.description, data_categories = EXCLUDED.data_categories`.execute(db)
}

/** Every purpose with this person's current answer (the latest event; none means not granted). */
export async function selectPurposeStates(db: Database, personId: string): Promise<PurposeState[]> {
  const { rows } = await sql<PurposeState>`SELECT p.key, o.slug AS organisation, p.title, p.description,
      p.data_categories AS "dataCategories", coalesce(e.granted, false) AS granted, e.at AS "changedAt"
    FROM identity.consent_purposes p
      LEFT JOIN identity.organisations o ON o.id = p.organisation_id
      LEFT JOIN LATERAL (SELECT granted, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
        FROM identity.consent_events WHERE person_id = ${personId} AND purpose = p.key ORDER BY id DESC LIMIT 1) e ON true
    ORDER BY p.key`.execute(db)
  return rows
}

export async function purposeExists(db: Database, key: string): Promise<boolean> {
  const { rows } = await sql<{
    present: boolean
  }>`SELECT EXISTS (SELECT 1 FROM identity.consent_purposes WHERE key = ${key}) AS present`.execute(db)
  return rows[0]?.present ?? false
}

export async function insertConsentEvent(
  db: Database,
  personId: string,
  purpose: string,
  granted: boolean,
): Promise<void> {
  await sql`INSERT INTO identity.consent_events (person_id, purpose, granted) VALUES (${personId}, ${purpose}, ${granted})`.execute(
    db,
  )
}

export async function selectCurrentConsent(
  db: Database,
  personId: string,
  purpose: string,
): Promise<boolean> {
  const { rows } = await sql<{ granted: boolean }>`SELECT granted FROM identity.consent_events
    WHERE person_id = ${personId} AND purpose = ${purpose} ORDER BY id DESC LIMIT 1`.execute(db)
  return rows[0]?.granted ?? false
}

export async function selectConsentHistory(
  db: Database,
  personId: string,
): Promise<{ purpose: string; granted: boolean; at: Date }[]> {
  const { rows } = await sql<{ purpose: string; granted: boolean; at: Date }>`SELECT purpose, granted, at
    FROM identity.consent_events WHERE person_id = ${personId} ORDER BY id`.execute(db)
  return rows
}

export interface DataUseRow {
  organisation: string | null
  service: string
  kind: 'holds' | 'reused'
  data_categories: string[]
  purpose: string
  lawful_basis: string
  recorded_at: Date
}

export async function insertDataUse(
  db: Database,
  use: {
    personId: string
    organisationId: string | null
    service: string
    kind: 'holds' | 'reused'
    dataCategories: readonly string[]
    purpose: string
    lawfulBasis: string
  },
): Promise<void> {
  await sql`INSERT INTO identity.personal_data_uses (person_id, organisation_id, service, kind, data_categories, purpose, lawful_basis)
    VALUES (${use.personId}, ${use.organisationId}, ${use.service}, ${use.kind},
      ${sql`ARRAY[${sql.join(use.dataCategories.map((c) => sql`${c}`))}]::text[]`}, ${use.purpose}, ${use.lawfulBasis})`.execute(
    db,
  )
}

export async function selectDataUses(db: Database, personId: string): Promise<DataUseRow[]> {
  const { rows } =
    await sql<DataUseRow>`SELECT o.slug AS organisation, u.service, u.kind, u.data_categories, u.purpose,
      u.lawful_basis, u.recorded_at
    FROM identity.personal_data_uses u LEFT JOIN identity.organisations o ON o.id = u.organisation_id
    WHERE u.person_id = ${personId} ORDER BY u.recorded_at DESC, u.id DESC`.execute(db)
  return rows
}
