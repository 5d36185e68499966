import 'i18next'
import type accountRo from './account/ro.json'
import type boardRo from './board/ro.json'
import type dashboardRo from './dashboard/ro.json'
import type dataRo from './data/ro.json'
import type liveRo from './live/ro.json'
import type portfolioRo from './portfolio/ro.json'
import type ro from './ro.json'
import type staffRo from './staff/ro.json'
import type strategyRo from './strategy/ro.json'

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: {
      translation: typeof ro
      account: typeof accountRo
      staff: typeof staffRo
      live: typeof liveRo
      data: typeof dataRo
      dashboard: typeof dashboardRo
      strategy: typeof strategyRo
      portfolio: typeof portfolioRo
      board: typeof boardRo
    }
  }
}
