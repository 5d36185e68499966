import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { StartupError } from './platform/startup-error.ts'

export interface Config {
  port: number
  host: string
  dataDir: string
  databaseUrl: string | undefined
  logLevel: string
  bodyLimitBytes: number
  trustProxy: boolean
  /** The city's data pack loaded by `--demo` and `cetate demo`. */
  packDir: string
  /** The built web app; absent when only the API is wanted. */
  webRoot: string | undefined
  /** The address people open, for links in mail; defaults to the listening address. */
  publicUrl: string | undefined
  /** SMTP server for outgoing mail; without one, mail is kept in the outbox. */
  smtpUrl: string | undefined
  mailFrom: string
  /** Send cookies only over HTTPS (browsers treat localhost as secure too). */
  secureCookies: boolean
  /** Sign-in, sign-up and reset attempts per minute from one address. */
  authRateLimit: number
  /** May the server fetch documents from addresses callers name (e.g. JSON-LD @contexts)? Off: nothing leaves. */
  outboundFetch: boolean
  /** Uploaded files; beside the embedded database unless set. */
  filesDir: string
  /** Largest file an upload may send, in bytes. */
  uploadLimitBytes: number
  /** Callers may run one read-only SELECT over open datastore tables (CKAN datastore_search_sql). */
  ckanDatastoreSql: boolean
}

/** Values given on the command line; they win over the environment. */
export interface ConfigOverrides {
  port?: string | undefined
  host?: string | undefined
  dataDir?: string | undefined
  databaseUrl?: string | undefined
  pack?: string | undefined
}

const projectRoot = fileURLToPath(new URL('..', import.meta.url))
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

export const defaultPackDir = resolve(projectRoot, 'src/demo/packs/cluj-napoca')
export const defaultWebRoot = resolve(projectRoot, 'web/dist')

/** The environment variables Cetate reads, with their defaults; the README's table is this list. */
export const settings = {
  PORT: '8080',
  HOST: '127.0.0.1',
  DATA_DIR: './data',
  DATABASE_URL: '',
  LOG_LEVEL: 'info',
  BODY_LIMIT_BYTES: String(1024 * 1024),
  TRUST_PROXY: 'false',
  CITY_PACK: defaultPackDir,
  WEB_ROOT: defaultWebRoot,
  PUBLIC_URL: '',
  SMTP_URL: '',
  MAIL_FROM: 'Cetate <no-reply@localhost>',
  COOKIE_SECURE: 'true',
  AUTH_RATE_LIMIT: '10',
  OUTBOUND_FETCH: 'false',
  FILES_DIR: '',
  UPLOAD_LIMIT_BYTES: String(1024 * 1024 * 1024),
  CKAN_DATASTORE_SQL: 'false',
} as const

/** Reads and checks the configuration once; any mistake is one StartupError saying how to fix it. */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: ConfigOverrides = {}): Config {
  const read = (name: keyof typeof settings, override?: string) => override ?? env[name] ?? settings[name]
  const port = Number(read('PORT', overrides.port))
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new StartupError(
      `PORT must be a whole number from 0 to 65535, not "${read('PORT', overrides.port)}".`,
    )
  }
  const logLevel = read('LOG_LEVEL')
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new StartupError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}".`)
  }
  const bodyLimitBytes = Number(read('BODY_LIMIT_BYTES'))
  if (!Number.isInteger(bodyLimitBytes) || bodyLimitBytes < 1024) {
    throw new StartupError('BODY_LIMIT_BYTES must be a whole number of bytes, at least 1024.')
  }
  const trustProxy = read('TRUST_PROXY')
  if (trustProxy !== 'true' && trustProxy !== 'false') {
    throw new StartupError(`TRUST_PROXY must be true or false, not "${trustProxy}".`)
  }
  const databaseUrl = read('DATABASE_URL', overrides.databaseUrl) || undefined
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new StartupError(
      'DATABASE_URL must start with postgres:// (e.g. postgres://cetate:secret@127.0.0.1:5432/cetate).',
    )
  }
  const publicUrl = read('PUBLIC_URL').replace(/\/+$/, '') || undefined
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) {
    throw new StartupError(
      `PUBLIC_URL must be an http(s) address such as https://date.example.ro, not "${publicUrl}".`,
    )
  }
  const smtpUrl = read('SMTP_URL') || undefined
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new StartupError(
      'SMTP_URL must start with smtp:// or smtps:// (e.g. smtps://user:password@mail.example.ro:465).',
    )
  }
  const secureCookies = read('COOKIE_SECURE')
  if (secureCookies !== 'true' && secureCookies !== 'false') {
    throw new StartupError(`COOKIE_SECURE must be true or false, not "${secureCookies}".`)
  }
  const authRateLimit = Number(read('AUTH_RATE_LIMIT'))
  if (!Number.isInteger(authRateLimit) || authRateLimit < 1) {
    throw new StartupError('AUTH_RATE_LIMIT must be a whole number of attempts per minute, at least 1.')
  }
  const outboundFetch = read('OUTBOUND_FETCH')
  if (outboundFetch !== 'true' && outboundFetch !== 'false') {
    throw new StartupError(`OUTBOUND_FETCH must be true or false, not "${outboundFetch}".`)
  }
  const dataDir = read('DATA_DIR', overrides.dataDir)
  const uploadLimitBytes = Number(read('UPLOAD_LIMIT_BYTES'))
  if (!Number.isInteger(uploadLimitBytes) || uploadLimitBytes < 1024) {
    throw new StartupError('UPLOAD_LIMIT_BYTES must be a whole number of bytes, at least 1024.')
  }
  const filesDir = read('FILES_DIR')
  const ckanDatastoreSql = read('CKAN_DATASTORE_SQL')
  if (ckanDatastoreSql !== 'true' && ckanDatastoreSql !== 'false') {
    throw new StartupError(`CKAN_DATASTORE_SQL must be true or false, not "${ckanDatastoreSql}".`)
  }
  return {
    port,
    host: read('HOST', overrides.host),
    dataDir: dataDir === 'memory://' ? dataDir : resolve(dataDir),
    databaseUrl,
    logLevel,
    bodyLimitBytes,
    trustProxy: trustProxy === 'true',
    packDir: resolve(read('CITY_PACK', overrides.pack)),
    webRoot: read('WEB_ROOT') ? resolve(read('WEB_ROOT')) : undefined,
    publicUrl,
    smtpUrl,
    mailFrom: read('MAIL_FROM'),
    secureCookies: secureCookies === 'true',
    authRateLimit,
    outboundFetch: outboundFetch === 'true',
    filesDir: filesDir ? resolve(filesDir) : defaultFilesDir(dataDir),
    uploadLimitBytes,
    ckanDatastoreSql: ckanDatastoreSql === 'true',
  }
}

/** `<data dir>/files`; a throwaway database (`memory://`) keeps its files in a folder of the process's own. */
function defaultFilesDir(dataDir: string): string {
  return dataDir === 'memory://' ? join(tmpdir(), `cetate-files-${process.pid}`) : resolve(dataDir, 'files')
}
