import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import type { AccessControl } from './access/access.ts'
import type { BulkCopy, Database } from './db/database.ts'
import type { EventBus } from './events/event-bus.ts'
import type { JobDefinition } from './jobs/job.ts'
import type { JobRunner } from './jobs/job-runner.ts'
import type { Mailer } from './mail/mailer.ts'
import type { Measurement } from './metrics/measurement.ts'
import type { MetricsRegistry } from './metrics/metrics-registry.ts'

/** What the platform hands every module: its services, never another module's tables. */
export interface ModuleContext {
  db: Database
  /** COPY rows into a table from a stream (bulk loads of files). */
  bulk: BulkCopy
  events: EventBus
  jobs: JobRunner
  metrics: MetricsRegistry
  mail: Mailer
  log: FastifyBaseLogger
  settings: PlatformSettings
}

export interface PlatformSettings {
  /** The address people open, for links in mail; known once the server listens. */
  publicUrl: string
  secureCookies: boolean
  /** Sign-in, sign-up and reset attempts per minute from one address. */
  authRateLimit: number
  /** The server may fetch documents from addresses callers name; off by default. */
  outboundFetch: boolean
  /** Where uploaded files are kept (a shared volume when several nodes run). */
  filesDir: string
  /** Largest file an upload may send, in bytes. */
  uploadLimitBytes: number
  /** Callers may run one read-only SELECT over open datastore tables (CKAN datastore_search_sql); off by default. */
  ckanDatastoreSql: boolean
}

/** A city's data pack: a folder with `pack.json` and the files it names. */
export interface DataPack {
  directory: string
  manifest: Record<string, unknown>
  readJson(relativePath: string): Promise<unknown>
}

/** What a module's demo loader reports, one line for the person running it. */
export interface DemoOutcome {
  summary: string
  /** Lines to show the person once, e.g. generated demo passwords. */
  notes?: string[]
}

export interface ActionDeclaration {
  /** Dotted, module first: `catalog.dataset.publish`. */
  name: string
  description: string
}

/**
 * The manifest each module exports from its `index.ts`. The platform assembles the server from
 * these alone: migrations, routes, actions, measurements, jobs and demo data.
 */
export interface CetateModule {
  /** Also the PostgreSQL schema that holds the module's tables. */
  name: string
  depends?: readonly string[]
  /** Absolute path of the folder with `NNN_name.sql` files. */
  migrations?: string
  routes?: (app: FastifyInstance, context: ModuleContext) => Promise<void>
  actions?: readonly ActionDeclaration[]
  measurements?: readonly Measurement[]
  /** A function when the jobs need the module's context (its metrics registry, its mailer). */
  jobs?: readonly JobDefinition[] | ((context: ModuleContext) => readonly JobDefinition[])
  /** Who is calling and may they: provided by the one module that knows people (identity). */
  accessControl?: (context: ModuleContext) => AccessControl
  /** Loads the module's part of a data pack into an empty database. */
  demo?: (context: ModuleContext, pack: DataPack) => Promise<DemoOutcome | undefined>
}

/** Orders modules so each comes after what it depends on; refuses unknown or circular dependencies. */
export function orderModules(modules: readonly CetateModule[]): CetateModule[] {
  const byName = new Map(modules.map((module) => [module.name, module]))
  const ordered: CetateModule[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (module: CetateModule, path: string[]): void => {
    const seen = state.get(module.name)
    if (seen === 'done') return
    if (seen === 'visiting')
      throw new Error(`Modules depend on each other in a circle: ${[...path, module.name].join(' → ')}`)
    state.set(module.name, 'visiting')
    for (const dependency of module.depends ?? []) {
      const target = byName.get(dependency)
      if (!target)
        throw new Error(`Module "${module.name}" depends on "${dependency}", which is not installed`)
      visit(target, [...path, module.name])
    }
    state.set(module.name, 'done')
    ordered.push(module)
  }
  for (const module of modules) visit(module, [])
  return ordered
}
