import { useId } from 'react'
import { ScrollRegion } from '../live/parts.tsx'
import { CopyButton } from './copy-button.tsx'
import { useDashboardWords } from './words.ts'

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** The HTML another city site pastes to show a widget of /embed/…, in the reader's language. */
export function embedCode(
  origin: string,
  path: string,
  language: string,
  title: string,
  height: number,
): string {
  return `<iframe src="${origin}${path}?lang=${language}" title="${escapeAttribute(title)}" width="360" height="${height}" loading="lazy"></iframe>`
}

/** "Put this on your site": the ready iframe code and a button that copies it. */
export function EmbedSnippet({
  path,
  title,
  heading,
  height = 240,
}: {
  path: string
  title: string
  heading: string
  /** Pixels: a KPI fits in 240, a list of scores needs more. */
  height?: number
}) {
  const { t, language } = useDashboardWords()
  const id = useId()
  const code = embedCode(window.location.origin, path, language, title, height)
  return (
    <section className="embed-snippet" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p>{t('embed.text')}</p>
      <p className="embed-snippet__label" id={`${id}-code`}>
        {t('embed.code')}
      </p>
      <ScrollRegion labelledBy={`${id}-code`} className="embed-snippet__code">
        <pre>
          <code>{code}</code>
        </pre>
      </ScrollRegion>
      <CopyButton
        text={code}
        label={t('embed.copy')}
        copied={t('embed.copied')}
        manual={t('embed.manual')}
        field={t('embed.code')}
      />
    </section>
  )
}
