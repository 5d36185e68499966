import './data.css'
import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../not-found-page.tsx'
import { CataloguePage } from './catalogue-page.tsx'
import { DatasetFormPage } from './dataset-form-page.tsx'
import { DatasetPage } from './dataset-page.tsx'
import { OrganisationPage } from './organisation-page.tsx'
import { UploadPage } from './upload-page.tsx'

export default function DataApp() {
  return (
    <Routes>
      <Route index element={<CataloguePage />} />
      <Route path="publish" element={<DatasetFormPage />} />
      <Route path="organisations/:slug" element={<OrganisationPage />} />
      <Route path=":name" element={<DatasetPage />} />
      <Route path=":name/edit" element={<DatasetFormPage />} />
      <Route path=":name/upload" element={<UploadPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
