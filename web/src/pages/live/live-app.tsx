import './live.css'
import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../not-found-page.tsx'
import { EntityPage } from './entity-page.tsx'
import { LiveIndexPage } from './live-page.tsx'
import { SubscriptionsPage } from './subscriptions-page.tsx'

export default function LiveApp() {
  return (
    <Routes>
      <Route index element={<LiveIndexPage />} />
      <Route path="entity/:id" element={<EntityPage />} />
      <Route path="subscriptions" element={<SubscriptionsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
