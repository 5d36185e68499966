import './strategy.css'
import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../not-found-page.tsx'
import { ElementPage } from './element-page.tsx'
import { StrategyPage } from './strategy-page.tsx'

export default function StrategyApp() {
  return (
    <Routes>
      <Route index element={<StrategyPage />} />
      <Route path="element/:key" element={<ElementPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
