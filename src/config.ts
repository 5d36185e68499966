import { resolve } from 'node:path'
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
  const dataDir = read('DATA_DIR', overrides.dataDir)
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
  }
}
