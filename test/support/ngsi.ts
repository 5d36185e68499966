import { after, before } from 'node:test'
import { createApiKey } from '../../src/modules/identity/index.ts'
import type { TestBackend, TestDatabase } from './databases.ts'
import { type DemoCetate, startDemoCetate } from './demo.ts'

export interface NgsiCetate extends DemoCetate {
  /** An API key of the city hall allowed every context action. */
  apiKey: string
  /** A call to /ngsi-ld/v1 with the API key; a plain object body is sent as JSON. */
  ngsi(path: string, init?: NgsiInit): Promise<Response>
}

export interface NgsiInit extends Omit<RequestInit, 'body' | 'headers'> {
  body?: unknown
  headers?: Record<string, string>
  /** Without the API key, as an anonymous caller. */
  anonymous?: boolean
}

/** The demo server with a writer's API key, for NGSI-LD tests. */
export async function startNgsiCetate(
  database: TestDatabase,
  env: Record<string, string> = {},
): Promise<NgsiCetate> {
  const server = await startDemoCetate(database, env)
  const { key } = await createApiKey(
    server.cetate.context,
    'system',
    { name: 'NGSI-LD tests', scopes: ['context.*'], organisation: 'primaria-cluj-napoca' },
    { ip: '127.0.0.1', userAgent: 'test', requestId: 'test' },
  )
  return {
    ...server,
    apiKey: key,
    ngsi(path, init = {}) {
      const { body, headers = {}, anonymous, ...rest } = init
      const sendsBody = body !== undefined
      return fetch(`${server.url}/ngsi-ld/v1${path}`, {
        ...rest,
        headers: {
          ...(anonymous ? {} : { authorization: `Bearer ${key}` }),
          ...(sendsBody ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(sendsBody ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      })
    },
  }
}

/**
 * Inside a `describe`: starts the NGSI-LD demo server on a fresh database of `backend` before the
 * suite's tests and removes both after. Returns the running server.
 */
export function ngsiServerForSuite(backend: TestBackend, env: Record<string, string> = {}): () => NgsiCetate {
  let database: TestDatabase | undefined
  let server: NgsiCetate | undefined
  before(async () => {
    database = await backend.create()
    server = await startNgsiCetate(database, env)
  })
  after(async () => {
    await server?.close()
    await database?.drop()
  })
  return () => {
    if (!server) throw new Error('The NGSI-LD test server has not started yet.')
    return server
  }
}
