import type { ReactNode } from 'react'

/** One entry of a `<dl className="facts">`: what is described, and what it is. */
export function Fact({ term, children }: { term: ReactNode; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}
