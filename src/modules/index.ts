import type { CetateModule } from '../platform/module.ts'
import { catalogModule } from './catalog/index.ts'
import { cityModule } from './city/index.ts'
import { contextModule } from './context/index.ts'
import { identityModule } from './identity/index.ts'
import { portfolioModule } from './portfolio/index.ts'
import { strategyModule } from './strategy/index.ts'

/** The modules this build of Cetate runs; a new module adds one line here. */
export const installedModules: readonly CetateModule[] = [
  cityModule,
  identityModule,
  contextModule,
  catalogModule,
  strategyModule,
  portfolioModule,
]
