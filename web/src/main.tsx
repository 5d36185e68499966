import 'leaflet/dist/leaflet.css'
import './styles.css'
import './sections.css'
import './i18n/i18n.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter, Route, Routes } from 'react-router'
import { App } from './app.tsx'
import { EmbedRoutes } from './pages/embed/embed-routes.tsx'
import { SessionProvider } from './session.tsx'
import { SiteDataProvider } from './site-data.tsx'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <Routes>
        {/* Widgets framed by other sites need neither the site's data nor a session. */}
        <Route path="embed/*" element={<EmbedRoutes />} />
        <Route
          path="*"
          element={
            <SiteDataProvider>
              <SessionProvider>
                <App />
              </SessionProvider>
            </SiteDataProvider>
          }
        />
      </Routes>
    </BrowserRouter>
  </StrictMode>,
)
