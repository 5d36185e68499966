import { useId, useState } from 'react'
import type { Resource } from './catalog-api.ts'
import { CopyButton, ScrollRegion } from './parts.tsx'
import { useDataWords } from './words.ts'

const LANGUAGES = ['curl', 'javascript', 'python'] as const
type CodeLanguage = (typeof LANGUAGES)[number]

/** The same first five rows asked for in each language, of our records API and of CKAN's datastore_search. */
function snippets(
  origin: string,
  resourceId: string,
): Record<'records' | 'ckan', Record<CodeLanguage, string>> {
  const records = `${origin}/api/catalog/resources/${resourceId}/records?limit=5`
  const ckan = `${origin}/api/3/action/datastore_search?resource_id=${resourceId}&limit=5`
  return {
    records: {
      curl: `curl '${records}'`,
      javascript: `const response = await fetch('${records}')\nconst { records } = await response.json()\nconsole.log(records)`,
      python: `import requests\n\nanswer = requests.get('${records}')\nprint(answer.json()['records'])`,
    },
    ckan: {
      curl: `curl '${ckan}'`,
      javascript: `const response = await fetch('${ckan}')\nconst { result } = await response.json()\nconsole.log(result.records)`,
      python: `import requests\n\nanswer = requests.get(\n    '${origin}/api/3/action/datastore_search',\n    params={'resource_id': '${resourceId}', 'limit': 5},\n)\nprint(answer.json()['result']['records'])`,
    },
  }
}

/** Copy-ready calls that read this table, in curl, JavaScript and Python, for developers. */
export function ApiSnippets({ resource }: { resource: Resource }) {
  const { t } = useDataWords()
  const id = useId()
  const [language, setLanguage] = useState<CodeLanguage>('curl')
  const code = snippets(window.location.origin, resource.id)
  return (
    <section className="snippets" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('api.heading')}</h3>
      <p>{t('api.intro')}</p>
      <fieldset className="chips">
        <legend className="chips__label">{t('api.language')}</legend>
        {LANGUAGES.map((choice) => (
          <button
            key={choice}
            type="button"
            className="chip"
            aria-pressed={language === choice}
            onClick={() => setLanguage(choice)}
          >
            {t(`api.languages.${choice}`)}
          </button>
        ))}
      </fieldset>
      {(['records', 'ckan'] as const).map((api) => (
        <div key={api} className="snippet">
          <h4 id={`${id}-${api}`}>{t(`api.${api}`)}</h4>
          <ScrollRegion labelledBy={`${id}-${api}`} className="snippet__code">
            <pre>
              <code>{code[api][language]}</code>
            </pre>
          </ScrollRegion>
          <CopyButton text={code[api][language]} label={t('api.copy', { name: t(`api.${api}`) })} />
        </div>
      ))}
      <p>
        <a href="/api/docs">{t('api.docs')}</a>
      </p>
    </section>
  )
}
