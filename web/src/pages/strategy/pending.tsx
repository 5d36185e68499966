import { ProblemAlert } from '../../components/problem-alert.tsx'
import { Working } from '../../components/working.tsx'
import type { Resource } from '../../use-resource.ts'
import { useStrategyWords } from './strategy-words.ts'

/** Loading, or the problem, of a resource; null once it is ready. */
export function Pending({ resource, onRetry }: { resource: Resource<unknown>; onRetry?: () => void }) {
  const { t } = useStrategyWords()
  if (resource.status === 'loading') return <Working>{t('common.loading')}</Working>
  if (resource.status === 'error') return <ProblemAlert error={resource.error} onRetry={onRetry} />
  return null
}
