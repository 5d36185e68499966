import { after, before } from 'node:test'
import { type RunningCetate, startCetate } from '../../../../../test/support/cetate.ts'
import type { TestBackend, TestDatabase } from '../../../../../test/support/databases.ts'
import { defaultPackDir } from '../../../../config.ts'
import { loadDataPack } from '../../../../demo/data-pack.ts'
import { createApiKey } from '../../../identity/index.ts'
import { installedModules } from '../../../index.ts'

export interface UploadServer extends RunningCetate {
  /** An API key of `primaria-cluj-napoca` with catalog.*. */
  apiKey: string
  /** An API key of another organisation (`ctp-cluj-napoca`) with catalog.*. */
  otherKey: string
  call(path: string, init?: RequestInit & { key?: string | null }): Promise<Response>
}

/**
 * The demo server (without the demo catalogue) with two publishers' keys.
 */
export function uploadServerForSuite(
  backend: TestBackend,
  env: Record<string, string> = {},
): () => UploadServer {
  let database: TestDatabase | undefined
  let server: UploadServer | undefined
  before(async () => {
    database = await backend.create()
    const running = await startCetate(database, {
      modules: installedModules.map((module) =>
        module.name === 'catalog' ? { ...module, demo: undefined } : module,
      ),
      env: { AUTH_RATE_LIMIT: '1000', ...env },
    })
    try {
      await loadDataPack(running.cetate, defaultPackDir, { onlyIntoEmpty: true })
    } catch (error) {
      await running.close()
      throw error
    }
    const facts = { ip: '127.0.0.1', userAgent: 'test', requestId: 'test' }
    const key = async (organisation: string) =>
      (
        await createApiKey(
          running.cetate.context,
          'system',
          { name: 'Upload tests', scopes: ['catalog.*'], organisation },
          facts,
        )
      ).key
    const apiKey = await key('primaria-cluj-napoca')
    const otherKey = await key('ctp-cluj-napoca')
    server = {
      ...running,
      apiKey,
      otherKey,
      call(path, init = {}) {
        const { key: chosen = apiKey, headers, ...rest } = init
        return fetch(`${running.url}${path}`, {
          ...rest,
          headers: {
            ...(chosen ? { authorization: `Bearer ${chosen}` } : {}),
            ...(headers as Record<string, string>),
          },
        })
      },
    }
  })
  after(async () => {
    await server?.close()
    await database?.drop()
  })
  return () => {
    if (!server) throw new Error('The upload test server has not started yet.')
    return server
  }
}
