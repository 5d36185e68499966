import { fileURLToPath } from 'node:url'
import type { CetateModule } from '../../platform/module.ts'
import { challengeActions } from './challenge/access.ts'
import { challengeMeasurements } from './challenge/measurements.ts'
import { loadDemoProjects } from './demo/demo-portfolio.ts'
import { portfolioMeasurements } from './measurements.ts'
import { reportActions } from './report/access.ts'
import { portfolioRoutes } from './routes.ts'
import {
  APPROVE_PROJECTS,
  CREATE_PROJECTS,
  DECIDE_PILOTS,
  MANAGE_SETTINGS,
  UPDATE_PROJECTS,
} from './service/access.ts'

/** The project portfolio: core, flexible and pilot projects, their assessments, the yearly challenge, the CIO's report. */
export const portfolioModule: CetateModule = {
  name: 'portfolio',
  depends: ['identity', 'city', 'strategy'],
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: portfolioRoutes,
  actions: [
    { name: CREATE_PROJECTS, description: 'Add projects to the portfolio for an organisation' },
    {
      name: UPDATE_PROJECTS,
      description: "Describe an organisation's projects, their milestones, timeline and assessments",
    },
    { name: APPROVE_PROJECTS, description: 'Approve projects (the board), once assessed' },
    {
      name: DECIDE_PILOTS,
      description: 'Decide on pilots: scale, iterate or abandon, with reasons and lessons',
    },
    { name: MANAGE_SETTINGS, description: 'Set the minimum impact standards and what approval needs' },
    ...challengeActions,
    ...reportActions,
  ],
  measurements: [...portfolioMeasurements, ...challengeMeasurements],
  demo: loadDemoProjects,
}
