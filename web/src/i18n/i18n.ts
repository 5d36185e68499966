import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import accountEn from './account/en.json'
import accountHu from './account/hu.json'
import accountRo from './account/ro.json'
import boardEn from './board/en.json'
import boardHu from './board/hu.json'
import boardRo from './board/ro.json'
import dashboardEn from './dashboard/en.json'
import dashboardHu from './dashboard/hu.json'
import dashboardRo from './dashboard/ro.json'
import dataEn from './data/en.json'
import dataHu from './data/hu.json'
import dataRo from './data/ro.json'
import en from './en.json'
import hu from './hu.json'
import liveEn from './live/en.json'
import liveHu from './live/hu.json'
import liveRo from './live/ro.json'
import portfolioEn from './portfolio/en.json'
import portfolioHu from './portfolio/hu.json'
import portfolioRo from './portfolio/ro.json'
import ro from './ro.json'
import staffEn from './staff/en.json'
import staffHu from './staff/hu.json'
import staffRo from './staff/ro.json'
import strategyEn from './strategy/en.json'
import strategyHu from './strategy/hu.json'
import strategyRo from './strategy/ro.json'

export const languages = [
  { code: 'ro', name: 'Română' },
  { code: 'en', name: 'English' },
  { code: 'hu', name: 'Magyar' },
] as const

export type Language = (typeof languages)[number]['code']

const defaultLanguage: Language = 'ro'
const storageKey = 'cetate.language'

function isLanguage(code: string | null): code is Language {
  return languages.some((language) => language.code === code)
}

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey)
    return isLanguage(stored) ? stored : defaultLanguage
  } catch {
    return defaultLanguage
  }
}

export function chooseLanguage(code: string): void {
  if (!isLanguage(code)) return
  try {
    localStorage.setItem(storageKey, code)
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
  void i18n.changeLanguage(code)
}

i18n.on('languageChanged', (code) => {
  document.documentElement.lang = code
})

void i18n.use(initReactI18next).init({
  // One namespace per part of the app, so each part keeps its texts in its own files.
  resources: {
    ro: {
      translation: ro,
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
      translation: en,
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
      translation: hu,
      account: accountHu,
      staff: staffHu,
      live: liveHu,
      data: dataHu,
      dashboard: dashboardHu,
      strategy: strategyHu,
      portfolio: portfolioHu,
      board: boardHu,
    },
  },
  lng: storedLanguage(),
  fallbackLng: defaultLanguage,
  interpolation: { escapeValue: false },
  initAsync: false,
})
