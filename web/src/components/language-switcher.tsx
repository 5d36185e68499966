import { useTranslation } from 'react-i18next'
import { chooseLanguage, languages } from '../i18n/i18n.ts'

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  return (
    <div className="language-switcher">
      <label htmlFor="language">{t('language.label')}</label>
      <select
        id="language"
        value={i18n.resolvedLanguage}
        onChange={(event) => chooseLanguage(event.target.value)}
      >
        {languages.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  )
}
