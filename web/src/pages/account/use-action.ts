import { useCallback, useState } from 'react'

/** One request at a time for a form or button: whether it runs, and what went wrong last. */
export function useAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }, [])
  return { run, busy, error, setError }
}
