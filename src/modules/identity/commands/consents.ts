import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { insertConsentEvent, insertDataUse, purposeExists, selectCurrentConsent } from '../store/consents.ts'
import { selectOrganisation } from '../store/organisations.ts'
import type { RequestOrigin } from './sessions.ts'

/** Grant or withdraw; a withdrawal applies at once to every later reuse. */
export async function setConsent(
  context: ModuleContext,
  personId: string,
  purpose: string,
  granted: boolean,
  origin: RequestOrigin,
): Promise<void> {
  if (!(await purposeExists(context.db, purpose))) {
    throw new Problem(
      404,
      'PURPOSE_NOT_FOUND',
      'No such purpose',
      `Nothing asks for consent as "${purpose}"; GET /api/account/consents lists the purposes.`,
    )
  }
  await context.db.transaction().execute(async (trx) => {
    await insertConsentEvent(trx, personId, purpose, granted)
    await recordAudit(trx, {
      actor: { type: 'person', id: personId },
      action: granted ? 'identity.consent.grant' : 'identity.consent.withdraw',
      target: { type: 'consent_purpose', id: purpose },
      outcome: 'success',
      requestId: origin.requestId,
      ip: origin.ip,
    })
  })
}

export function hasConsent(context: ModuleContext, personId: string, purpose: string): Promise<boolean> {
  return selectCurrentConsent(context.db, personId, purpose)
}

export interface PersonalDataUse {
  personId: string
  /** The organisation holding or reusing the data, by slug. */
  organisation: string
  /** The module and feature, e.g. `participation.reports`. */
  service: string
  kind: 'holds' | 'reused'
  dataCategories: readonly string[]
  purpose: string
  lawfulBasis:
    | 'consent'
    | 'contract'
    | 'legal_obligation'
    | 'public_task'
    | 'vital_interest'
    | 'legitimate_interest'
}

/**
 * How modules tell the register what they hold or reused about a person, so the person can see it.
 * A reuse that rests on consent is refused unless the consent stands now.
 */
export async function recordPersonalDataUse(context: ModuleContext, use: PersonalDataUse): Promise<void> {
  if (
    use.kind === 'reused' &&
    use.lawfulBasis === 'consent' &&
    !(await hasConsent(context, use.personId, use.purpose))
  ) {
    throw new Problem(
      403,
      'CONSENT_REQUIRED',
      'No consent for this reuse',
      `The person has not consented to "${use.purpose}", or withdrew it.`,
    )
  }
  const organisation = await selectOrganisation(context.db, use.organisation)
  if (!organisation) throw new Error(`recordPersonalDataUse: no organisation "${use.organisation}"`)
  await insertDataUse(context.db, { ...use, organisationId: organisation.id })
}
