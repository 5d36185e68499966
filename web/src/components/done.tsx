import type { ReactNode } from 'react'

/** A polite confirmation after something was done. */
export function Done({ children }: { children: ReactNode }) {
  return (
    <p className="done" role="status">
      {children}
    </p>
  )
}
