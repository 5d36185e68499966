import { fileURLToPath } from 'node:url'
import type * as RDF from '@rdfjs/types'
import rdf from '@zazuko/env-node'
import SHACLValidator from 'rdf-validate-shacl'
import { type RunningCetate, startCetate } from '../../../../test/support/cetate.ts'
import type { TestDatabase } from '../../../../test/support/databases.ts'
import { defaultPackDir } from '../../../config.ts'
import { loadDataPack } from '../../../demo/data-pack.ts'
import { createApiKey } from '../../identity/index.ts'
import type { Dataset } from '../schemas.ts'

/** The official DCAT-AP 3.0.1 shapes (CC-BY 4.0, SEMIC), copied into the test fixtures. */
export const SHAPES_DIRECTORY = fileURLToPath(new URL('../../../../test/fixtures/dcat-ap/', import.meta.url))

export interface ShaclFinding {
  severity: string
  focusNode: string
  path: string
  message: string
  shape: string
}

const shapeCache = new Map<string, Promise<ReturnType<typeof rdf.dataset>>>()

/** Validates triples against one shapes file of the DCAT-AP folder; lists every finding. */
export async function validateWithShapes(
  quads: readonly RDF.Quad[],
  shapesFile: string,
): Promise<{ conforms: boolean; findings: ShaclFinding[] }> {
  let shapes = shapeCache.get(shapesFile)
  if (!shapes) {
    shapes = rdf.dataset().import(rdf.fromFile(SHAPES_DIRECTORY + shapesFile))
    shapeCache.set(shapesFile, shapes)
  }
  const validator = new SHACLValidator(await shapes, { factory: rdf })
  const report = await validator.validate(rdf.dataset([...quads]))
  return {
    conforms: report.conforms,
    findings: report.results.map((result) => ({
      severity: result.severity?.value.split('#').pop() ?? '',
      focusNode: result.focusNode?.value ?? '',
      path: result.path?.value ?? '',
      message: result.message.map((message) => message.value).join(' '),
      shape: result.sourceConstraintComponent?.value.split('#').pop() ?? '',
    })),
  }
}

/** The triples as sorted N-Triples lines: equal lists mean equal graphs when no blank nodes occur. */
export function canonicalLines(quads: readonly RDF.Quad[]): string[] {
  const show = (term: RDF.Term): string => {
    if (term.termType === 'Literal')
      return `${JSON.stringify(term.value)}${term.language ? `@${term.language}` : `^^<${term.datatype.value}>`}`
    if (term.termType === 'BlankNode') return '_:b'
    return `<${term.value}>`
  }
  return quads.map((quad) => `${show(quad.subject)} ${show(quad.predicate)} ${show(quad.object)}`).sort()
}

/** A published open dataset with every field filled, as the service would answer it. */
export function fullDataset(publicUrl: string): Dataset {
  const at = '2024-03-01T10:00:00.000Z'
  return {
    id: '6f0c1f3e-2d0b-4a57-9a51-3c1b9d6c2a10',
    name: 'calitatea-aerului-complet',
    organisation: {
      id: '0b7f7f8e-6c1a-4a53-8d43-3f9f0c6d6a11',
      slug: 'primaria-cluj-napoca',
      name: {
        ro: 'Primăria Cluj-Napoca',
        en: 'Cluj-Napoca City Hall',
        hu: 'Kolozsvár Polgármesteri Hivatala',
      },
    },
    title: { ro: 'Calitatea aerului', en: 'Air quality', hu: 'Levegőminőség' },
    description: {
      ro: 'Măsurători orare „PM10” & <PM2.5> din stațiile orașului.',
      en: 'Hourly PM10 & PM2.5 readings from the city stations.',
      hu: 'Óránkénti PM10 és PM2.5 mérések a város állomásairól.',
    },
    keywords: ['aer', 'poluare', 'pm10'],
    themes: ['ENVI', 'HEAL'],
    licence: 'cc-by-4.0',
    accessLevel: 'open',
    spatial: {
      area: 'manastur',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [23.55, 46.75],
            [23.6, 46.75],
            [23.6, 46.78],
            [23.55, 46.78],
            [23.55, 46.75],
          ],
        ],
      },
    },
    temporal: { start: '2020-01-01', end: '2024-12-31' },
    frequency: 'DAILY',
    contactPoint: {
      name: 'Serviciul Date Deschise',
      email: 'date.deschise@example.org',
      url: 'https://example.org/contact',
    },
    version: '2.1',
    status: 'published',
    harvested: null,
    issued: '2020-02-01T08:00:00.000Z',
    modified: at,
    createdAt: '2020-02-01T08:00:00.000Z',
    resources: [
      {
        id: '9a4e2b1c-5d3f-4e6a-8b7c-1d2e3f4a5b6c',
        datasetId: '6f0c1f3e-2d0b-4a57-9a51-3c1b9d6c2a10',
        position: 0,
        kind: 'upload',
        title: { ro: 'Măsurători 2024', en: 'Readings 2024', hu: 'Mérések 2024' },
        description: { ro: 'Fișier CSV' },
        format: 'CSV',
        mediaType: 'text/csv',
        url: `${publicUrl}/api/catalog/resources/9a4e2b1c-5d3f-4e6a-8b7c-1d2e3f4a5b6c/download`,
        byteSize: 123456,
        checksum: 'a'.repeat(64),
        liveType: null,
        datastore: { columns: [{ name: 'pm10', type: 'number' }], rowCount: 8760, loadedAt: at },
        createdAt: at,
        modifiedAt: at,
      },
      {
        id: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
        datasetId: '6f0c1f3e-2d0b-4a57-9a51-3c1b9d6c2a10',
        position: 1,
        kind: 'live',
        title: { ro: 'Date în timp real' },
        description: null,
        format: 'NGSI-LD',
        mediaType: null,
        url: `${publicUrl}/ngsi-ld/v1/entities?type=AirQualityObserved`,
        byteSize: null,
        checksum: null,
        liveType: 'AirQualityObserved',
        datastore: null,
        createdAt: at,
        modifiedAt: at,
      },
    ],
  }
}

/** The catalogue demo server with a publisher's API key (organisation `primaria-cluj-napoca`). */
export async function startDcatCetate(
  database: TestDatabase,
  env: Record<string, string> = {},
): Promise<DcatCetate> {
  const server = await startCetate(database, { env: { AUTH_RATE_LIMIT: '1000', ...env } })
  let key: string
  try {
    await loadDataPack(server.cetate, defaultPackDir, { onlyIntoEmpty: true })
    ;({ key } = await createApiKey(
      server.cetate.context,
      'system',
      { name: 'DCAT tests', scopes: ['catalog.*'], organisation: 'primaria-cluj-napoca' },
      { ip: '127.0.0.1', userAgent: 'test', requestId: 'test' },
    ))
  } catch (error) {
    await server.close()
    throw error
  }
  return {
    ...server,
    apiKey: key,
    call(path, init = {}) {
      const { anonymous, headers = {}, ...rest } = init
      return fetch(`${server.url}${path}`, {
        ...rest,
        headers: { ...(anonymous ? {} : { authorization: `Bearer ${key}` }), ...headers },
      })
    },
  }
}

export interface DcatCetate extends RunningCetate {
  apiKey: string
  call(
    path: string,
    init?: RequestInit & { anonymous?: boolean; headers?: Record<string, string> },
  ): Promise<Response>
}
