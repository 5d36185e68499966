import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import { selectSetting, upsertSetting } from '../store/project-parts.ts'
import type { AssessmentKind, ProjectKind } from '../vocabularies.ts'

export interface ImpactCriterion {
  key: string
  group: 'green' | 'equity'
  title: LocalizedText
  /** The office's minimum standard on the 0–5 scale. */
  minimum: number
}

export interface PortfolioSettings {
  impactCriteria: ImpactCriterion[]
  /** Which assessments a project of each kind needs before it is approved. */
  requiredForApproval: Record<ProjectKind, AssessmentKind[]>
  /** A residual risk (likelihood × impact) at or above this is high and blocks approval. */
  highRisk: number
}

/** Until the office sets its own: green and equity criteria in the spirit of the transversal objective. */
export const DEFAULT_SETTINGS: PortfolioSettings = {
  impactCriteria: [
    {
      key: 'emissions',
      group: 'green',
      title: {
        ro: 'Reduce emisiile și deplasările',
        en: 'Cuts emissions and travel',
        hu: 'Csökkenti a kibocsátást',
      },
      minimum: 1,
    },
    {
      key: 'resources',
      group: 'green',
      title: {
        ro: 'Economisește hârtie și energie',
        en: 'Saves paper and energy',
        hu: 'Papírt és energiát takarít meg',
      },
      minimum: 1,
    },
    {
      key: 'accessibility',
      group: 'equity',
      title: {
        ro: 'Accesibil persoanelor cu dizabilități',
        en: 'Accessible to people with disabilities',
        hu: 'Akadálymentes',
      },
      minimum: 2,
    },
    {
      key: 'inclusion',
      group: 'equity',
      title: {
        ro: 'Nu lasă în urmă vârstnicii și pe cei fără internet',
        en: 'Leaves no senior or offline resident behind',
        hu: 'Nem hagyja hátra az időseket',
      },
      minimum: 2,
    },
    {
      key: 'languages',
      group: 'equity',
      title: {
        ro: 'În română, maghiară și engleză',
        en: 'In Romanian, Hungarian and English',
        hu: 'Román, magyar és angol nyelven',
      },
      minimum: 1,
    },
  ],
  requiredForApproval: {
    core: ['impact', 'security', 'gdpr'],
    flexible: ['impact', 'security', 'gdpr'],
    pilot: ['impact', 'security', 'gdpr'],
  },
  highRisk: 15,
}

const KEY = 'portfolio'

export async function getSettings(context: Pick<ModuleContext, 'db'>): Promise<PortfolioSettings> {
  const stored = (await selectSetting(context.db, KEY)) as Partial<PortfolioSettings> | undefined
  return { ...DEFAULT_SETTINGS, ...stored }
}

export async function changeSettings(
  context: ModuleContext,
  actor: Actor,
  settings: PortfolioSettings,
  request: { requestId: string },
): Promise<PortfolioSettings> {
  await upsertSetting(context.db, KEY, settings)
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'portfolio.settings.update',
    target: { type: 'portfolio_settings', id: KEY },
    outcome: 'success',
    requestId: request.requestId,
  })
  return getSettings(context)
}
