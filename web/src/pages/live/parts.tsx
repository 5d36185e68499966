import { type ReactNode, useEffect, useState } from 'react'
import { SectionPage, type SectionPageProps } from '../../components/section-page.tsx'

/** A page of the live data: the section's page frame. */
export function LivePage(props: SectionPageProps) {
  return <SectionPage section="live" {...props} />
}

export { ProblemAlert } from '../../components/problem-alert.tsx'

/** The current time, renewed every `every` milliseconds, for "3 minutes ago". */
export function useNow(every: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), every)
    return () => clearInterval(timer)
  }, [every])
  return now
}

/**
 * A region that scrolls sideways on narrow screens (a wide table, a long command): focusable, so
 * keyboard users can scroll it too, and named for screen readers.
 */
export function ScrollRegion({
  label,
  labelledBy,
  className = 'table-scroll',
  children,
}: {
  label?: string
  labelledBy?: string
  className?: string
  children: ReactNode
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className={className} tabIndex={0} aria-label={label} aria-labelledby={labelledBy}>
      {children}
    </section>
  )
}
