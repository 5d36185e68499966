import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import type { Config } from './config.ts'
import type { AccessControl } from './platform/access/access.ts'
import { nobodySignedIn } from './platform/access/access.ts'
import { registerAuditRoutes } from './platform/audit/audit-routes.ts'
import { isCode } from './platform/db/data-dir-lock.ts'
import type { DatabaseHandle } from './platform/db/database.ts'
import { type Migration, migrate, pendingMigrations, readMigrations } from './platform/db/migrator.ts'
import { openDatabase } from './platform/db/open-database.ts'
import { createEventBus } from './platform/events/event-bus.ts'
import { createHttpServer } from './platform/http/http-server.ts'
import { registerOpenApi } from './platform/http/openapi.ts'
import { type Readiness, registerPlatformRoutes } from './platform/http/platform-routes.ts'
import { registerPrometheus } from './platform/http/prometheus.ts'
import { registerWebApp } from './platform/http/web-app.ts'
import { JobRunner } from './platform/jobs/job-runner.ts'
import { createMailer } from './platform/mail/mailer.ts'
import { registerOutboxRoutes } from './platform/mail/outbox-routes.ts'
import { MetricsRegistry } from './platform/metrics/metrics-registry.ts'
import { type CetateModule, type ModuleContext, orderModules } from './platform/module.ts'
import { StartupError } from './platform/startup-error.ts'

export interface Cetate {
  readonly config: Config
  readonly database: DatabaseHandle
  readonly context: ModuleContext
  readonly modules: readonly CetateModule[]
  readonly http: FastifyInstance
  /** Starts listening and running jobs; returns the address people can open. */
  listen(): Promise<string>
  /** Stops taking requests, lets those in flight finish, stops jobs, closes the database. */
  close(): Promise<void>
}

export interface OpenOptions {
  modules: readonly CetateModule[]
  onMigration?: (migration: Migration) => void
}

const platformMigrations = fileURLToPath(new URL('./platform/migrations', import.meta.url))
const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string
}

/** Opens the database, brings its schema up to date and assembles the server from the modules. */
export async function openCetate(config: Config, options: OpenOptions): Promise<Cetate> {
  const modules = orderModules(options.modules)
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
  try {
    const migrations = await readMigrations([
      { module: 'platform', directory: platformMigrations },
      ...modules.flatMap((module) =>
        module.migrations ? [{ module: module.name, directory: module.migrations }] : [],
      ),
    ])
    await migrate(database, migrations, options.onMigration).catch((error: unknown) => {
      throw explainMigrationFailure(error)
    })
    return await assemble(config, database, modules, migrations)
  } catch (error) {
    await database.close()
    throw error
  }
}

async function assemble(
  config: Config,
  database: DatabaseHandle,
  modules: readonly CetateModule[],
  migrations: readonly Migration[],
): Promise<Cetate> {
  let accessControl: AccessControl = nobodySignedIn
  const http = await createHttpServer({
    logLevel: config.logLevel,
    bodyLimitBytes: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    accessControl: () => accessControl,
  })
  const log = http.log
  const events = createEventBus((name, error) =>
    log.error({ err: error, event: name }, 'event handler failed'),
  )
  const metrics = new MetricsRegistry()
  const jobs = new JobRunner(database.db, {
    onError: (kind, error) => log.warn({ err: error, job: kind }, 'job failed'),
  })
  const mail = createMailer(database.db, { smtpUrl: config.smtpUrl, from: config.mailFrom })
  const settings = {
    publicUrl: config.publicUrl ?? '',
    secureCookies: config.secureCookies,
    authRateLimit: config.authRateLimit,
    outboundFetch: config.outboundFetch,
    filesDir: config.filesDir,
    uploadLimitBytes: config.uploadLimitBytes,
    ckanDatastoreSql: config.ckanDatastoreSql,
  }
  const context: ModuleContext = {
    db: database.db,
    bulk: database.bulk,
    events,
    jobs,
    metrics,
    mail,
    log,
    settings,
  }
  const controllers = modules.filter((module) => module.accessControl)
  if (controllers.length > 1)
    throw new Error(
      `Only one module may provide access control, not ${controllers.map((m) => m.name).join(' and ')}`,
    )
  if (controllers[0]) accessControl = controllers[0].accessControl!(context)

  for (const module of modules) {
    for (const measurement of module.measurements ?? []) metrics.register(measurement)
    const definitions = typeof module.jobs === 'function' ? module.jobs(context) : (module.jobs ?? [])
    for (const job of definitions) jobs.define(job)
  }

  await registerOpenApi(http, {
    title: 'Cetate API',
    version,
    description: 'The open API of the Cetate city platform. Errors are application/problem+json (RFC 9457).',
  })
  registerPlatformRoutes(http, {
    db: database.db,
    metrics,
    info: { name: 'Cetate', version, modules: modules.map((module) => module.name) },
    readiness: async (): Promise<Readiness> => {
      try {
        const pending = await pendingMigrations(database, migrations)
        return {
          ready: pending.length === 0,
          checks: {
            database: { ok: true, detail: database.backend },
            migrations: { ok: pending.length === 0, detail: `${pending.length} pending` },
          },
        }
      } catch (error) {
        return { ready: false, checks: { database: { ok: false, detail: (error as Error).message } } }
      }
    },
  })
  registerPrometheus(http, metrics, database.db)
  registerAuditRoutes(http, database.db)
  if (mail.mode === 'outbox') registerOutboxRoutes(http, database.db)
  for (const module of modules) {
    if (module.routes) await http.register(async (scope) => module.routes!(scope, context))
  }
  await registerWebApp(http, config.webRoot)

  return {
    config,
    database,
    context,
    modules,
    http,
    async listen() {
      try {
        await http.listen({ port: config.port, host: config.host })
      } catch (error) {
        throw explainListenFailure(error, config)
      }
      await jobs.start()
      const address = http.server.address()
      const port = typeof address === 'object' && address ? address.port : config.port
      const host = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
      settings.publicUrl ||= url
      return url
    },
    async close() {
      await http.close()
      await jobs.stop()
      await events.settle()
      await database.close()
    },
  }
}

export function explainListenFailure(error: unknown, config: Config): Error {
  if (isCode(error, 'EADDRINUSE')) {
    return new StartupError(
      `Port ${config.port} on ${config.host} is already in use; stop what uses it or choose another with --port or PORT.`,
    )
  }
  if (isCode(error, 'EACCES')) {
    return new StartupError(
      `Not allowed to listen on port ${config.port}; choose one above 1023 with --port or PORT.`,
    )
  }
  if (isCode(error, 'EADDRNOTAVAIL') || isCode(error, 'ENOTFOUND')) {
    return new StartupError(
      `This machine has no address ${config.host}; use 127.0.0.1 or 0.0.0.0 with --host or HOST.`,
    )
  }
  return error as Error
}

function explainMigrationFailure(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error)
  if (
    /extension "postgis".*(not available|could not open)/i.test(message) ||
    /postgis.*control/i.test(message)
  ) {
    return new StartupError(
      'PostGIS is not installed on the PostgreSQL server; install it (Debian: postgresql-15-postgis-3) and start again.',
    )
  }
  if (/permission denied/i.test(message)) {
    return new StartupError(
      `The database user may not change the schema (${message}); grant it CREATE on the database.`,
    )
  }
  return new StartupError(`The database schema could not be brought up to date: ${message}`)
}
