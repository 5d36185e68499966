import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'

export async function insertIdentityCheck(
  db: Database,
  check: {
    personId: string
    clerkId: string
    level: 'substantial' | 'high'
    documentType: string
    documentReference: string
    notes: string
  },
): Promise<string> {
  const { rows } = await sql<{ id: string }>`INSERT INTO identity.identity_checks
      (person_id, clerk_id, level, document_type, document_reference, notes)
    VALUES (${check.personId}, ${check.clerkId}, ${check.level}, ${check.documentType}, ${check.documentReference},
      ${check.notes}) RETURNING id`.execute(db)
  return rows[0]!.id
}

export interface IdentityCheckRow {
  id: string
  level: string
  document_type: string
  document_reference: string
  checked_at: Date
  clerk_name: string
}

export async function selectIdentityChecks(db: Database, personId: string): Promise<IdentityCheckRow[]> {
  const { rows } =
    await sql<IdentityCheckRow>`SELECT c.id, c.level, c.document_type, c.document_reference, c.checked_at,
      p.display_name AS clerk_name
    FROM identity.identity_checks c JOIN identity.people p ON p.id = c.clerk_id
    WHERE c.person_id = ${personId} ORDER BY c.checked_at DESC`.execute(db)
  return rows
}
