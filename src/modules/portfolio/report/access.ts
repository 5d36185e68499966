import type { ActionDeclaration } from '../../../platform/module.ts'

/** Writing the plan for the next year in the Chief Innovation Officer's report: the office's (portfolio.*). */
export const WRITE_REPORT = 'portfolio.report.write'

export const reportActions: readonly ActionDeclaration[] = [
  {
    name: WRITE_REPORT,
    description: "Write the plan for the next year in the Chief Innovation Officer's annual report",
  },
]
