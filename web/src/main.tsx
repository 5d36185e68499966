import 'leaflet/dist/leaflet.css'
import './styles.css'
import './sections.css'
import './i18n/i18n.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { App } from './app.tsx'
import { SessionProvider } from './session.tsx'
import { SiteDataProvider } from './site-data.tsx'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SiteDataProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </SiteDataProvider>
    </BrowserRouter>
  </StrictMode>,
)
