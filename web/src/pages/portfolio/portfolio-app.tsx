import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../not-found-page.tsx'

export default function PortfolioApp() {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
