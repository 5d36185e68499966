import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { insertDataUse } from '../store/consents.ts'
import { insertIdentityCheck } from '../store/identity-checks.ts'
import { selectOperatorId } from '../store/organisations.ts'
import { selectPerson, setAssurance } from '../store/people.ts'
import type { RequestOrigin } from './sessions.ts'

const LEVEL_ORDER = { low: 0, substantial: 1, high: 2 } as const

/**
 * A clerk at the counter has checked the person against an identity document. The level rises
 * (never falls); the clerk and the evidence are recorded and audited.
 */
export async function recordIdentityCheck(
  context: ModuleContext,
  clerkId: string,
  input: {
    personId: string
    level: 'substantial' | 'high'
    documentType: string
    documentNumber: string
    notes?: string | undefined
  },
  origin: RequestOrigin,
): Promise<{ level: 'low' | 'substantial' | 'high' }> {
  if (input.personId === clerkId) {
    throw new Problem(
      403,
      'SELF_VERIFICATION',
      'A clerk cannot verify themselves',
      'Ask another clerk to check your document.',
    )
  }
  const person = await selectPerson(context.db, input.personId)
  if (!person)
    throw new Problem(
      404,
      'PERSON_NOT_FOUND',
      'No such person',
      `No active account has the id ${input.personId}.`,
    )
  const level =
    LEVEL_ORDER[input.level] > LEVEL_ORDER[person.assurance_level] ? input.level : person.assurance_level
  // Keep only the end of the number: enough to find the paper record, too little to misuse.
  const reference = `…${input.documentNumber.replace(/\s+/g, '').slice(-4)}`
  await context.db.transaction().execute(async (trx) => {
    const checkId = await insertIdentityCheck(trx, {
      personId: person.id,
      clerkId,
      level: input.level,
      documentType: input.documentType,
      documentReference: reference,
      notes: input.notes ?? '',
    })
    await setAssurance(trx, person.id, level, 'counter_document')
    await insertDataUse(trx, {
      personId: person.id,
      organisationId: await selectOperatorId(trx),
      service: 'identity.verification',
      kind: 'holds',
      dataCategories: ['identity_document_type', 'identity_document_reference'],
      purpose: 'Evidence that your identity was checked at the counter',
      lawfulBasis: 'public_task',
    })
    await recordAudit(trx, {
      actor: { type: 'person', id: clerkId },
      action: 'identity.person.verify',
      target: { type: 'person', id: person.id },
      outcome: 'success',
      details: { level: input.level, documentType: input.documentType, check: checkId },
      requestId: origin.requestId,
      ip: origin.ip,
    })
  })
  return { level }
}
