import { useState } from 'react'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { SectionPage, type SectionPageProps } from '../../components/section-page.tsx'
import { Working } from '../../components/working.tsx'
import type { Resource } from '../../use-resource.ts'
import { useDataWords } from './words.ts'

export { ProblemAlert } from '../../components/problem-alert.tsx'
export { ScrollRegion } from '../live/parts.tsx'

/** A page of the open data catalogue: the section's page frame. */
export function DataPage(props: SectionPageProps) {
  return <SectionPage section="data" {...props} />
}

/** Loading, or the problem, of a resource; null once it is ready. */
export function Pending({ resource, onRetry }: { resource: Resource<unknown>; onRetry?: () => void }) {
  const { t } = useDataWords()
  if (resource.status === 'loading') return <Working>{t('common.loading')}</Working>
  if (resource.status === 'error') return <ProblemAlert error={resource.error} onRetry={onRetry} />
  return null
}

/** A button that copies `text` and says so politely; where the clipboard is refused, it says to copy by hand. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useDataWords()
  const [copied, setCopied] = useState<boolean | null>(null)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }
  return (
    <span className="copy">
      <button type="button" className="button--secondary" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="copy__status">
        {copied === true && t('common.copied')}
        {copied === false && t('common.copyByHand')}
      </span>
    </span>
  )
}

/** A badge for a dataset's status, as publishers see it. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useDataWords()
  const tone = status === 'published' ? 'badge--ok' : status === 'draft' ? 'badge--warning' : ''
  return <span className={`badge ${tone}`}>{t(`status.${status as 'draft'}`, { defaultValue: status })}</span>
}
