import { type Cetate, openCetate } from '../../src/cetate.ts'
import { loadConfig } from '../../src/config.ts'
import { installedModules } from '../../src/modules/index.ts'
import type { CetateModule } from '../../src/platform/module.ts'
import type { TestDatabase } from './databases.ts'

export interface RunningCetate {
  cetate: Cetate
  url: string
  /** fetch() against the running server, with a path. */
  request(path: string, init?: RequestInit): Promise<Response>
  close(): Promise<void>
}

/** Cetate on a test database, listening on a free loopback port, web app off unless asked. */
export async function startCetate(
  database: TestDatabase,
  options: {
    modules?: readonly CetateModule[]
    env?: Record<string, string>
    beforeListen?: (cetate: Cetate) => void | Promise<void>
  } = {},
): Promise<RunningCetate> {
  const config = loadConfig(
    { LOG_LEVEL: 'silent', WEB_ROOT: '', ...options.env },
    { port: '0', host: '127.0.0.1', dataDir: database.dataDir, databaseUrl: database.databaseUrl },
  )
  const cetate = await openCetate(config, { modules: options.modules ?? installedModules })
  await options.beforeListen?.(cetate)
  const url = await cetate.listen()
  return {
    cetate,
    url,
    request: (path, init) => fetch(`${url}${path}`, init),
    close: () => cetate.close(),
  }
}
