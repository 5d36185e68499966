import type { Static } from 'typebox'
import type { GdprContentSchema, ImpactContentSchema, SecurityContentSchema } from './schemas.ts'
import type { PortfolioSettings } from './service/settings.ts'

export type ImpactContent = Static<typeof ImpactContentSchema>
export type SecurityContent = Static<typeof SecurityContentSchema>
export type GdprContent = Static<typeof GdprContentSchema>

export interface Judgement {
  passes: boolean
  /** What falls short, in words a board member reads. */
  findings: string[]
}

/** The mini impact analysis meets the office's minimum on every green and equity criterion. */
export function judgeImpact(content: ImpactContent, settings: PortfolioSettings): Judgement {
  const findings = settings.impactCriteria
    .filter((criterion) => (content.scores[criterion.key] ?? 0) < criterion.minimum)
    .map(
      (criterion) =>
        `${criterion.title.en ?? criterion.title.ro}: ${content.scores[criterion.key] ?? 'not scored'} of at least ${criterion.minimum}`,
    )
  return { passes: findings.length === 0, findings }
}

/** No risk stays high (likelihood × impact at or above the office's threshold) after its mitigation. */
export function judgeSecurity(content: SecurityContent, settings: PortfolioSettings): Judgement {
  const findings = content.risks
    .filter((risk) => risk.residualLikelihood * risk.residualImpact >= settings.highRisk)
    .map(
      (risk) =>
        `${risk.title}: residual risk ${risk.residualLikelihood} × ${risk.residualImpact} = ${risk.residualLikelihood * risk.residualImpact} (high from ${settings.highRisk})`,
    )
  return { passes: findings.length === 0, findings }
}

/** Personal data needs a lawful basis (GDPR art. 6) and, where the risk is high, a DPIA done (art. 35). */
export function judgeGdpr(content: GdprContent): Judgement {
  const findings: string[] = []
  if (content.personalData && !content.lawfulBasis)
    findings.push('Personal data without a lawful basis (art. 6)')
  if (content.personalData && content.dpiaNeeded && !content.dpiaDone)
    findings.push('A data protection impact assessment is needed and not done (art. 35)')
  return { passes: findings.length === 0, findings }
}
