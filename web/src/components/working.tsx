import type { ReactNode } from 'react'

/** Visible progress while a request runs; screen readers hear it too unless `quiet`. */
export function Working({ children, quiet = false }: { children: ReactNode; quiet?: boolean }) {
  return (
    <p className="working" role={quiet ? undefined : 'status'}>
      <span className="working__spinner" aria-hidden="true" />
      {children}
    </p>
  )
}
