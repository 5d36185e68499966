import { useCallback, useEffect, useRef, useState } from 'react'

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: T }

/**
 * What stays on screen while the data is read again. By default nothing: each read shows loading.
 * 'reload': a call of the returned reload keeps the current data (or problem) until the new answer
 * arrives, so a list, the keyboard focus in it and a confirmation next to it stay in place.
 * 'always': so does a new `load`.
 */
export type Keep = 'reload' | 'always'

/**
 * Loads once per `load` identity (keep it stable) and again on each call of the returned reload,
 * which settles once the new data (or problem) is in place. A newer read cancels an older one.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  keep?: Keep,
): [Resource<T>, () => Promise<void>] {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' })
  const reading = useRef<AbortController | null>(null)

  const read = useCallback(
    async (keepData: boolean) => {
      reading.current?.abort()
      const controller = new AbortController()
      reading.current = controller
      if (!keepData) setResource({ status: 'loading' })
      try {
        const data = await load(controller.signal)
        if (!controller.signal.aborted) setResource({ status: 'ready', data })
      } catch (error) {
        if (!controller.signal.aborted) setResource({ status: 'error', error })
      }
    },
    [load],
  )

  useEffect(() => {
    void read(keep === 'always')
    return () => reading.current?.abort()
  }, [read, keep])

  const reload = useCallback(() => read(keep !== undefined), [read, keep])
  return [resource, reload]
}
