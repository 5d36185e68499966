import type { ParseKeys } from 'i18next'
import { Link } from 'react-router'
import { LocalText } from './local-text.tsx'
import { type Element, type ElementKind, elementPath } from './strategy-api.ts'
import { useStrategyWords } from './strategy-words.ts'

/** The strategy's parts in the order it presents them; directions and priority areas sit in their groups. */
const SECTIONS: { kind: ElementKind; id: string }[] = [
  { kind: 'vision', id: 'vision' },
  { kind: 'principle', id: 'principles' },
  { kind: 'strategic_factor', id: 'factors' },
  { kind: 'transversal_objective', id: 'transversal' },
  { kind: 'objective', id: 'objectives' },
  { kind: 'direction_group', id: 'directions' },
  { kind: 'core_project', id: 'core-projects' },
  { kind: 'success_factor', id: 'success-factors' },
]

type Heading = 'h3' | 'h4'

/** One element: its code and title (a link to its page and history) and its summary. */
function ElementEntry({ element, heading: Tag }: { element: Element; heading: Heading }) {
  return (
    <>
      <Tag className="element__title">
        {element.code && <span className="element__code">{element.code}</span>}
        <Link to={elementPath(element.key)}>
          <LocalText value={element.title} />
        </Link>
      </Tag>
      <p className="element__summary">
        <LocalText value={element.summary} />
      </p>
    </>
  )
}

function childrenOf(elements: Element[], parent: string, kind: ElementKind) {
  return elements.filter((element) => element.parent === parent && element.kind === kind)
}

/** A direction group with its lettered directions, and the priority areas under a direction (1g). */
function DirectionGroup({ group, elements }: { group: Element; elements: Element[] }) {
  const { t } = useStrategyWords()
  const directions = childrenOf(elements, group.key, 'direction')
  return (
    <li className="element element--group">
      <ElementEntry element={group} heading="h3" />
      {directions.length > 0 && (
        <ul className="element-list element-list--lettered">
          {directions.map((direction) => {
            const areas = childrenOf(elements, direction.key, 'priority_area')
            return (
              <li key={direction.key} className="element">
                <ElementEntry element={direction} heading="h4" />
                {areas.length > 0 && (
                  <div className="priority-areas">
                    <p className="priority-areas__label">{t('document.priorityAreas')}</p>
                    <ul className="element-list element-list--areas">
                      {areas.map((area) => (
                        <li key={area.key}>
                          <Link to={elementPath(area.key)}>
                            <LocalText value={area.title} />
                          </Link>{' '}
                          {area.code && (
                            <span className="element__code element__code--small">{area.code}</span>
                          )}
                          <span className="element__summary">
                            <LocalText value={area.summary} />
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </li>
  )
}

/** The whole strategy as a readable document, with a table of contents. */
export function StrategyDocument({ elements }: { elements: Element[] }) {
  const { t } = useStrategyWords()
  const present = SECTIONS.filter((section) => elements.some((element) => element.kind === section.kind))
  const sectionName = (kind: ElementKind) => t(`sections.${kind}` as ParseKeys<'strategy'>) as string
  return (
    <>
      <nav className="strategy-contents" aria-labelledby="strategy-contents">
        <h2 id="strategy-contents">{t('document.contents')}</h2>
        <ol>
          {present.map((section) => (
            <li key={section.kind}>
              <a href={`#${section.id}`}>{sectionName(section.kind)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {present.map((section) => {
        const items = elements.filter((element) => element.kind === section.kind)
        return (
          <section key={section.kind} className="strategy-section" aria-labelledby={section.id}>
            <h2 id={section.id}>{sectionName(section.kind)}</h2>
            <ul className={`element-list element-list--${section.id}`}>
              {items.map((element) =>
                element.kind === 'direction_group' ? (
                  <DirectionGroup key={element.key} group={element} elements={elements} />
                ) : (
                  <li key={element.key} className="element">
                    <ElementEntry element={element} heading="h3" />
                  </li>
                ),
              )}
            </ul>
          </section>
        )
      })}
    </>
  )
}
