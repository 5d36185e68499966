import { after, before } from 'node:test'
import { createApiKey } from '../../src/modules/identity/index.ts'
import type { TestBackend, TestDatabase } from './databases.ts'
import { type DemoCetate, startDemoCetate } from './demo.ts'

export interface CatalogCetate extends DemoCetate {
  /** An API key of the city hall (organisation `primaria-cluj-napoca`) allowed every catalog action. */
  apiKey: string
  /** A call to the server with the API key; a plain object body is sent as JSON. */
  call(path: string, init?: CatalogInit): Promise<Response>
}

export interface CatalogInit extends Omit<RequestInit, 'body' | 'headers'> {
  body?: unknown
  headers?: Record<string, string>
  /** Without the API key, as an anonymous caller. */
  anonymous?: boolean
}

/** The demo server (with the demo catalogue) and a publisher's API key, for catalogue tests. */
export async function startCatalogCetate(
  database: TestDatabase,
  env: Record<string, string> = {},
): Promise<CatalogCetate> {
  const server = await startDemoCetate(database, env)
  const { key } = await createApiKey(
    server.cetate.context,
    'system',
    { name: 'Catalogue tests', scopes: ['catalog.*'], organisation: 'primaria-cluj-napoca' },
    { ip: '127.0.0.1', userAgent: 'test', requestId: 'test' },
  )
  return {
    ...server,
    apiKey: key,
    call(path, init = {}) {
      const { body, headers = {}, anonymous, ...rest } = init
      const sendsJson = body !== undefined && !(body instanceof Uint8Array) && typeof body !== 'string'
      return fetch(`${server.url}${path}`, {
        ...rest,
        headers: {
          ...(anonymous ? {} : { authorization: `Bearer ${key}` }),
          ...(sendsJson ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { body: sendsJson ? JSON.stringify(body) : (body as BodyInit) }),
      })
    },
  }
}

/** Inside a `describe`: the catalogue demo server on a fresh database of `backend`, removed after. */
export function catalogServerForSuite(
  backend: TestBackend,
  env: Record<string, string> = {},
): () => CatalogCetate {
  let database: TestDatabase | undefined
  let server: CatalogCetate | undefined
  before(async () => {
    database = await backend.create()
    server = await startCatalogCetate(database, env)
  })
  after(async () => {
    await server?.close()
    await database?.drop()
  })
  return () => {
    if (!server) throw new Error('The catalogue test server has not started yet.')
    return server
  }
}
