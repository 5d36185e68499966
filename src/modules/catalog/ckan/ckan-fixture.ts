import type { Database } from '../../../platform/db/database.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { findOrganisation } from '../../identity/index.ts'
import { createTestDataset } from '../records/test-tables.ts'
import type { Column } from '../schemas.ts'

export const SENSOR_COLUMNS: Column[] = [
  { name: 'cartier', type: 'text' },
  { name: 'an', type: 'integer' },
  { name: 'valoare', type: 'number' },
  { name: 'observație', type: 'text' },
]
const neighbourhoods = ['Mănăștur', 'Gheorgheni', 'Mărăști', 'Zorilor', 'Bulgaria']
export const SENSOR_ROWS = Array.from({ length: 47 }, (_, index) => [
  neighbourhoods[index % 5],
  2020 + (index % 4),
  index % 7 === 0 ? null : index * 1.5,
  index === 3 ? '=cmd|" /C calc"!A0' : index === 4 ? '@SUM(1+1)' : `nota ${index}`,
])

/** For CKAN tests: an open dataset with a loaded table, and a private one with another, of the city hall. */
export async function createCkanFixture(context: ModuleContext): Promise<{ open: string; hidden: string }> {
  const db: Database = context.db
  const organisation = await findOrganisation(context, 'primaria-cluj-napoca')
  if (!organisation) throw new Error('The demo pack has no primaria-cluj-napoca.')
  const table = { columns: SENSOR_COLUMNS, rows: SENSOR_ROWS }
  const open = await createTestDataset(db, {
    name: 'masuratori-zgomot-test',
    organisationId: organisation.id,
    title: { ro: 'Măsurători de zgomot în cartiere', en: 'Noise measurements', hu: 'Zajmérések' },
    keywords: ['zgomot', 'senzori'],
    themes: ['ENVI', 'REGI'],
    licence: 'cc0-1.0',
    tables: [table],
  })
  const hidden = await createTestDataset(db, {
    name: 'date-interne-test',
    organisationId: organisation.id,
    accessLevel: 'private',
    keywords: ['intern'],
    tables: [table],
  })
  return { open: open.resourceIds[0]!, hidden: hidden.resourceIds[0]! }
}
