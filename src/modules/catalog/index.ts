import { fileURLToPath } from 'node:url'
import type { CetateModule } from '../../platform/module.ts'
import { loadDemoFile } from './datastore/import-file.ts'
import { indexDatastoreJob } from './datastore/index-job.ts'
import { loadDemoCatalogue } from './demo/demo-catalogue.ts'
import { catalogMeasurements } from './measurements.ts'
import { catalogRoutes } from './routes.ts'
import { flushUsage } from './usage.ts'

/** The open data catalogue: datasets, their files and datastore tables, CKAN and DCAT-AP faces. */
export const catalogModule: CetateModule = {
  name: 'catalog',
  depends: ['identity', 'city'],
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: catalogRoutes,
  actions: [
    { name: 'catalog.dataset.create', description: "Create datasets for an organisation's catalogue" },
    { name: 'catalog.dataset.update', description: 'Edit, publish and archive datasets and their resources' },
    { name: 'catalog.dataset.upload', description: 'Upload files and load them into the datastore' },
    { name: 'catalog.dataset.delete', description: 'Delete datasets with their data' },
    { name: 'catalog.reuse.moderate', description: 'Remove reuses others recorded' },
    { name: 'catalog.harvest.manage', description: 'Harvest remote DCAT catalogues into an organisation' },
  ],
  measurements: catalogMeasurements,
  jobs: [
    indexDatastoreJob,
    {
      kind: 'catalog.record_usage',
      everyMs: 60_000,
      async run({ db }) {
        await flushUsage(db)
      },
    },
  ],
  demo: (context, pack) => loadDemoCatalogue(context, pack, loadDemoFile),
}

export type { Dataset, Resource } from './schemas.ts'
export { getDataset, searchDatasets } from './service.ts'
