import './portfolio.css'
import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../not-found-page.tsx'
import { ChallengePage } from './challenge-page.tsx'
import { ProjectPage } from './project-page.tsx'
import { ProjectsPage } from './projects-page.tsx'
import { ReportPage } from './report-page.tsx'

export default function PortfolioApp() {
  return (
    <Routes>
      <Route index element={<ProjectsPage />} />
      <Route path="challenge" element={<ChallengePage />} />
      <Route path="challenge/:year" element={<ChallengePage />} />
      <Route path="report/:year" element={<ReportPage />} />
      <Route path=":slug" element={<ProjectPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
