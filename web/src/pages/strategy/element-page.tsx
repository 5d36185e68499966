import { type ReactNode, useCallback, useState } from 'react'
import { Link, useParams } from 'react-router'
import { DateTime } from '../../components/date-time.tsx'
import { Done } from '../../components/done.tsx'
import { Fact } from '../../components/fact.tsx'
import { SectionPage } from '../../components/section-page.tsx'
import { useDocumentTitle } from '../../use-document-title.ts'
import { useResource } from '../../use-resource.ts'
import { ElementEditForm } from './element-edit-form.tsx'
import { ElementHistory } from './element-history.tsx'
import { LocalText } from './local-text.tsx'
import { Pending } from './pending.tsx'
import { useStrategyAccess } from './strategy-access.ts'
import { type Element, elementPath, getElement, getStrategy } from './strategy-api.ts'
import { useStrategyWords } from './strategy-words.ts'

/** /strategy/element/:key — one element: its current text, its editing and its versions. */
export function ElementPage() {
  const { key = '' } = useParams()
  const { t } = useStrategyWords()
  const access = useStrategyAccess()
  const load = useCallback((signal: AbortSignal) => getElement(key, signal), [key])
  const [element, reload] = useResource(load, 'reload')
  // The version just saved: confirmed here, and read again by the history.
  const [saved, setSaved] = useState<number | null>(null)
  const back = { to: '/strategy', label: t('element.back') }

  if (element.status !== 'ready')
    return (
      <SectionPage section="strategy" title={t('element.title')} back={back}>
        <Pending resource={element} onRetry={() => void reload()} />
      </SectionPage>
    )
  const current = element.data
  return (
    <ElementFrame element={current} back={back}>
      <ElementFacts element={current} />
      <p className="element-page__summary">
        <LocalText value={current.summary} />
      </p>
      {saved !== null && <Done>{t('edit.done', { version: saved })}</Done>}
      {access.edit && (
        <ElementEditForm
          key={current.version}
          element={current}
          onSaved={async (version) => {
            await reload()
            setSaved(version)
          }}
          onReload={() => void reload()}
        />
      )}
      <ElementHistory elementKey={current.key} version={current.version} refresh={saved ?? 0} />
    </ElementFrame>
  )
}

/** The current strategy, to name the elements this one links to. */
const loadAll = (signal: AbortSignal) => getStrategy(undefined, signal)

/**
 * The section's page frame with the element's code and title as the heading; a title shown in
 * Romanian for want of a translation is marked as Romanian.
 */
function ElementFrame({
  element,
  back,
  children,
}: {
  element: Element
  back: { to: string; label: string }
  children: ReactNode
}) {
  const { text } = useStrategyWords()
  useDocumentTitle(`${element.code ? `${element.code} · ` : ''}${text(element.title)}`)
  return (
    <div className="page section-page strategy">
      <p className="section-page__back">
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1>
        {element.code && `${element.code} · `}
        <LocalText value={element.title} />
      </h1>
      {children}
    </div>
  )
}

function ElementFacts({ element }: { element: Element }) {
  const { t, word } = useStrategyWords()
  const [strategy] = useResource(loadAll)
  const linked = (key: string) => {
    const other =
      strategy.status === 'ready' ? strategy.data.elements.find((item) => item.key === key) : undefined
    return (
      <Link to={elementPath(key)}>
        {other ? (
          <>
            {other.code && `${other.code} · `}
            <LocalText value={other.title} />
          </>
        ) : (
          key
        )}
      </Link>
    )
  }
  const parts =
    strategy.status === 'ready' ? strategy.data.elements.filter((item) => item.parent === element.key) : []
  return (
    <dl className="facts facts--compact">
      <Fact term={t('element.kind')}>{word('kinds', element.kind)}</Fact>
      {element.parent && <Fact term={t('element.parent')}>{linked(element.parent)}</Fact>}
      {element.objectives.length > 0 && (
        <Fact term={t('element.objectives')}>
          <ul className="plain-list">
            {element.objectives.map((objective) => (
              <li key={objective}>{linked(objective)}</li>
            ))}
          </ul>
        </Fact>
      )}
      {parts.length > 0 && (
        <Fact term={t('element.parts')}>
          <ul className="plain-list">
            {parts.map((part) => (
              <li key={part.key}>{linked(part.key)}</li>
            ))}
          </ul>
        </Fact>
      )}
      <Fact term={t('element.version')}>
        {t('element.versionOf', { version: element.version })} · <DateTime value={element.changedAt} />
      </Fact>
      {element.retired && <Fact term={t('element.state')}>{t('element.retired')}</Fact>}
    </dl>
  )
}
