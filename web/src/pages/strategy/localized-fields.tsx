import type { ParseKeys } from 'i18next'
import { LabelledField } from '../../components/labelled-field.tsx'
import type { Localized } from './strategy-api.ts'
import { useStrategyWords } from './strategy-words.ts'

const LANGUAGES = ['ro', 'en', 'hu'] as const

/** The same text in Romanian (required), English and Hungarian, from a form's fields `name.ro` … */
export function localizedOf(fields: FormData, name: string): Localized {
  const text: Localized = { ro: String(fields.get(`${name}.ro`) ?? '').trim() }
  for (const language of ['en', 'hu'] as const) {
    const value = String(fields.get(`${name}.${language}`) ?? '').trim()
    if (value) text[language] = value
  }
  return text
}

/** A fieldset with one field per language; Romanian is required (unless `optional`), the others may be left empty. */
export function LocalizedFields({
  name,
  legend,
  multiline = false,
  value,
  maxLength,
  optional = false,
}: {
  name: string
  legend: string
  multiline?: boolean
  value?: Localized | undefined
  maxLength?: number
  optional?: boolean
}) {
  const { t } = useStrategyWords()
  return (
    <fieldset className="localized-fields">
      <legend>{legend}</legend>
      {LANGUAGES.map((language) => (
        <LabelledField
          key={language}
          label={
            language === 'ro' && !optional
              ? t('form.roRequired')
              : (t(`languages.${language}` as ParseKeys<'strategy'>) as string)
          }
        >
          {(control) =>
            multiline ? (
              <textarea
                {...control}
                name={`${name}.${language}`}
                lang={language}
                required={language === 'ro' && !optional}
                rows={3}
                maxLength={maxLength}
                defaultValue={value?.[language] ?? ''}
              />
            ) : (
              <input
                {...control}
                name={`${name}.${language}`}
                lang={language}
                required={language === 'ro' && !optional}
                maxLength={maxLength}
                defaultValue={value?.[language] ?? ''}
              />
            )
          }
        </LabelledField>
      ))}
    </fieldset>
  )
}
