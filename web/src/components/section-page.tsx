import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { useDocumentTitle } from '../use-document-title.ts'

export type SectionPageProps = {
  title: string
  /** A link back to where the reader came from, above the heading. */
  back?: { to: string; label: string }
  lead?: ReactNode
  children: ReactNode
}

/**
 * The frame of a page in one of the site's sections (the back office, the live data): its title
 * in the heading and the document title, an optional way back and a lead. `section` is the
 * section's class name, which its own stylesheet styles the page by.
 */
export function SectionPage({
  section,
  title,
  back,
  lead,
  children,
}: SectionPageProps & { section: string }) {
  useDocumentTitle(title)
  return (
    <div className={`page section-page ${section}`}>
      {back && (
        <p className="section-page__back">
          <Link to={back.to}>{back.label}</Link>
        </p>
      )}
      <h1>{title}</h1>
      {lead && <p className="lead">{lead}</p>}
      {children}
    </div>
  )
}
