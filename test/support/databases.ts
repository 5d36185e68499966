import { randomBytes } from 'node:crypto'
import { cp, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { postgis } from '@electric-sql/pglite-postgis'
import pg from 'pg'

/** A fresh, empty database for one test file, on one backend. */
export interface TestDatabase {
  dataDir: string
  databaseUrl: string | undefined
  drop(): Promise<void>
}

export interface TestBackend {
  name: 'pglite' | 'postgres'
  create(): Promise<TestDatabase>
}

const projectRoot = new URL('../..', import.meta.url).pathname
// Preparing PostGIS in a new embedded database takes ~10 s; a prepared copy opens in ~3 s.
const templateDir = join(projectRoot, 'node_modules/.cache/cetate/pglite-postgis-template')

/** The embedded database always; PostgreSQL too when TEST_DATABASE_URL names a server we may create databases on. */
export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [{ name: 'pglite', create: createEmbedded }]
  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) backends.push({ name: 'postgres', create: () => createOnServer(serverUrl) })
  return backends
}

/**
 * The database a browser suite runs on: the server when one is configured, else the embedded one.
 * Pages behave the same on either (the API tests run on both), and a browser pass costs minutes.
 */
export function browserBackends(): TestBackend[] {
  return testBackends().slice(-1)
}

async function createEmbedded(): Promise<TestDatabase> {
  await ensureTemplate()
  const dataDir = await mkdtemp(join(tmpdir(), 'cetate-test-'))
  await cp(templateDir, dataDir, { recursive: true })
  return { dataDir, databaseUrl: undefined, drop: () => rm(dataDir, { recursive: true, force: true }) }
}

async function ensureTemplate(): Promise<void> {
  if (await stat(join(templateDir, 'PG_VERSION')).catch(() => undefined)) return
  const building = `${templateDir}.${process.pid}`
  await mkdir(dirname(templateDir), { recursive: true })
  const pglite = await PGlite.create({ dataDir: building, extensions: { postgis, unaccent, pg_trgm } })
  await pglite.exec(
    'CREATE EXTENSION postgis SCHEMA public; CREATE EXTENSION unaccent SCHEMA public; CREATE EXTENSION pg_trgm SCHEMA public;',
  )
  await pglite.close()
  // Another test process may have finished first; either copy is as good.
  await rename(building, templateDir).catch(() => rm(building, { recursive: true, force: true }))
}

async function createOnServer(serverUrl: string): Promise<TestDatabase> {
  const name = `cetate_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    dataDir: 'memory://',
    databaseUrl: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}
