import en from '../../web/src/i18n/en.json' with { type: 'json' }
import hu from '../../web/src/i18n/hu.json' with { type: 'json' }
import ro from '../../web/src/i18n/ro.json' with { type: 'json' }

/** The web app's own translations, so tests follow its wording instead of repeating it. */
export const messages = { ro, en, hu }

export type Language = keyof typeof messages

export const languages = Object.keys(messages) as Language[]
