import { useCallback, useEffect, useState } from 'react'

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: T }

/** Loads once per `load` identity (keep it stable) and again on each call of the returned retry. */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>): [Resource<T>, () => void] {
  const [attempt, setAttempt] = useState(0)
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' })

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry trigger
  useEffect(() => {
    const controller = new AbortController()
    setResource({ status: 'loading' })
    load(controller.signal).then(
      (data) => setResource({ status: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResource({ status: 'error', error })
      },
    )
    return () => controller.abort()
  }, [load, attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return [resource, retry]
}
