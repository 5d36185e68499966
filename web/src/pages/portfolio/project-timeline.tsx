import { LocalText } from './local-text.tsx'
import type { ProjectDocument, Update } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'

/** What happened to the project, newest first, each entry in the reader's language. */
export function ProjectTimeline({ updates }: { updates: Update[] }) {
  const { t, word, moment } = usePortfolioWords()
  if (updates.length === 0) return <p className="notice">{t('timeline.none')}</p>
  const newestFirst = [...updates].sort((a, b) => b.at.localeCompare(a.at))
  return (
    <ol className="timeline">
      {newestFirst.map((update) => (
        <li
          key={`${update.at}-${update.kind}-${update.text.ro}`}
          className={`timeline__entry timeline__entry--${update.kind}`}
        >
          <p className="timeline__when">
            <time dateTime={update.at}>{moment(update.at)}</time>
            <span className="tag">{word('updateKinds', update.kind)}</span>
          </p>
          <p className="timeline__text">
            <LocalText value={update.text} />
          </p>
        </li>
      ))}
    </ol>
  )
}

export function ProjectDocuments({ documents }: { documents: ProjectDocument[] }) {
  const { t } = usePortfolioWords()
  if (documents.length === 0) return <p className="notice">{t('documents.none')}</p>
  return (
    <ul className="documents">
      {documents.map((document) => (
        <li key={document.id}>
          <a href={document.url} rel="noopener noreferrer">
            <LocalText value={document.title} />
          </a>
        </li>
      ))}
    </ul>
  )
}
