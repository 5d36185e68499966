import accountEn from '../../web/src/i18n/account/en.json' with { type: 'json' }
import accountHu from '../../web/src/i18n/account/hu.json' with { type: 'json' }
import accountRo from '../../web/src/i18n/account/ro.json' with { type: 'json' }
import boardEn from '../../web/src/i18n/board/en.json' with { type: 'json' }
import boardHu from '../../web/src/i18n/board/hu.json' with { type: 'json' }
import boardRo from '../../web/src/i18n/board/ro.json' with { type: 'json' }
import dashboardEn from '../../web/src/i18n/dashboard/en.json' with { type: 'json' }
import dashboardHu from '../../web/src/i18n/dashboard/hu.json' with { type: 'json' }
import dashboardRo from '../../web/src/i18n/dashboard/ro.json' with { type: 'json' }
import dataEn from '../../web/src/i18n/data/en.json' with { type: 'json' }
import dataHu from '../../web/src/i18n/data/hu.json' with { type: 'json' }
import dataRo from '../../web/src/i18n/data/ro.json' with { type: 'json' }
import en from '../../web/src/i18n/en.json' with { type: 'json' }
import hu from '../../web/src/i18n/hu.json' with { type: 'json' }
import liveEn from '../../web/src/i18n/live/en.json' with { type: 'json' }
import liveHu from '../../web/src/i18n/live/hu.json' with { type: 'json' }
import liveRo from '../../web/src/i18n/live/ro.json' with { type: 'json' }
import portfolioEn from '../../web/src/i18n/portfolio/en.json' with { type: 'json' }
import portfolioHu from '../../web/src/i18n/portfolio/hu.json' with { type: 'json' }
import portfolioRo from '../../web/src/i18n/portfolio/ro.json' with { type: 'json' }
import ro from '../../web/src/i18n/ro.json' with { type: 'json' }
import staffEn from '../../web/src/i18n/staff/en.json' with { type: 'json' }
import staffHu from '../../web/src/i18n/staff/hu.json' with { type: 'json' }
import staffRo from '../../web/src/i18n/staff/ro.json' with { type: 'json' }
import strategyEn from '../../web/src/i18n/strategy/en.json' with { type: 'json' }
import strategyHu from '../../web/src/i18n/strategy/hu.json' with { type: 'json' }
import strategyRo from '../../web/src/i18n/strategy/ro.json' with { type: 'json' }

/**
 * The web app's own translations, so tests follow its wording instead of repeating it. The
 * `account`, `staff`, `live`, `data`, `dashboard`, `strategy`, `portfolio` and `board` namespaces sit under keys of those names.
 */
export const messages = {
  ro: {
    ...ro,
    account: accountRo,
    staff: staffRo,
    live: liveRo,
    data: dataRo,
    dashboard: dashboardRo,
    strategy: strategyRo,
    portfolio: portfolioRo,
    board: boardRo,
  },
  en: {
    ...en,
    account: accountEn,
    staff: staffEn,
    live: liveEn,
    data: dataEn,
    dashboard: dashboardEn,
    strategy: strategyEn,
    portfolio: portfolioEn,
    board: boardEn,
  },
  hu: {
    ...hu,
    account: accountHu,
    staff: staffHu,
    live: liveHu,
    data: dataHu,
    dashboard: dashboardHu,
    strategy: strategyHu,
    portfolio: portfolioHu,
    board: boardHu,
  },
}

export type Language = keyof typeof messages

export const languages = Object.keys(messages) as Language[]
