import { useCallback, useEffect, useState } from 'react'
import type { Resource } from '../../use-resource.ts'

/**
 * Like useResource, but a reload after a change keeps showing the data it had until the new data
 * arrives, so the list (and the keyboard focus in it) stays in place.
 */
export function useLoaded<T>(load: (signal: AbortSignal) => Promise<T>): [Resource<T>, () => void] {
  const [attempt, setAttempt] = useState(0)
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' })

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the reload trigger
  useEffect(() => {
    const controller = new AbortController()
    load(controller.signal).then(
      (data) => setResource({ status: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResource({ status: 'error', error })
      },
    )
    return () => controller.abort()
  }, [load, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return [resource, reload]
}
