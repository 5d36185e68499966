#!/usr/bin/env node
import { SingleBar } from 'cli-progress'
import { Command, CommanderError, Option } from 'commander'
import { type Cetate, explainListenFailure, openCetate } from './cetate.ts'
import { type ConfigOverrides, loadConfig } from './config.ts'
import { loadDataPack } from './demo/data-pack.ts'
import { registerImportCommand } from './modules/catalog/commands/import.ts'
import { registerSimulateCommand } from './modules/context/commands/simulate.ts'
import { createApiKey, rotateSigningKeys } from './modules/identity/index.ts'
import { installedModules } from './modules/index.ts'
import { verifyAuditChain } from './platform/audit/audit-log.ts'
import { tryListen } from './platform/http/port-check.ts'
import { Problem } from './platform/http/problem.ts'
import { StartupError } from './platform/startup-error.ts'

const SHUTDOWN_LIMIT_MS = 10_000

const say = (line: string) => process.stdout.write(`${line}\n`)

const databaseOptions = (command: Command): Command =>
  command
    .addOption(new Option('--data-dir <dir>', 'embedded database directory (env DATA_DIR, default ./data)'))
    .addOption(
      new Option(
        '--database-url <url>',
        'PostgreSQL server instead of the embedded database (env DATABASE_URL)',
      ),
    )

async function open(overrides: ConfigOverrides, options: { listening?: boolean } = {}): Promise<Cetate> {
  const config = loadConfig(process.env, overrides)
  if (options.listening) {
    const failure = await tryListen(config.host, config.port)
    if (failure) throw explainListenFailure(failure, config)
  }
  say(
    config.databaseUrl
      ? 'Opening the PostgreSQL database…'
      : `Opening the embedded database in ${config.dataDir} (the first start prepares it, about 15 s)…`,
  )
  let applied = 0
  const cetate = await openCetate(config, { modules: installedModules, onMigration: () => applied++ })
  say(`Database ready at ${cetate.database.location}${applied ? `; ${applied} migrations applied` : ''}.`)
  return cetate
}

async function loadPack(cetate: Cetate, onlyIntoEmpty: boolean): Promise<void> {
  const result = await loadDataPack(cetate, cetate.config.packDir, { onlyIntoEmpty })
  if (!result.loaded) {
    say(`Demo data: pack "${result.pack}" is already loaded; left as it is.`)
    return
  }
  say(`Demo data: pack "${result.pack}" loaded (${result.lines.join('; ')}).`)
  for (const note of result.notes) say(`  ${note}`)
}

function stopOnSignals(cetate: Cetate): void {
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    say(`${signal} received: finishing requests in flight, then stopping.`)
    const limit = setTimeout(() => {
      process.stderr.write('cetate: requests did not finish within 10 s; stopped anyway.\n')
      process.exit(1)
    }, SHUTDOWN_LIMIT_MS)
    limit.unref()
    cetate.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`cetate: stopping failed: ${(error as Error).message}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

const program = new Command('cetate')
  .description('Cetate: the open platform for a city’s digital transformation')
  .version(process.env.npm_package_version ?? '0.1.0')
  .showSuggestionAfterError(true)
  .exitOverride()
  .configureOutput({ outputError: () => {} })

databaseOptions(
  program
    .command('start')
    .description('start the server (and the web app, when built)')
    .addOption(
      new Option('-p, --port <port>', 'port to listen on (env PORT, default 8080; 0 picks a free one)'),
    )
    .addOption(new Option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)'))
    .option('--demo', "load the city's data pack into an empty database")
    .addOption(new Option('--pack <dir>', 'data pack folder (env CITY_PACK, default the Cluj-Napoca pack)')),
).action(async (options: ConfigOverrides & { demo?: boolean }) => {
  const cetate = await open(options, { listening: true })
  stopOnSignals(cetate)
  if (options.demo) await loadPack(cetate, true)
  const url = await cetate.listen()
  say(`Cetate is ready at ${url}`)
})

databaseOptions(
  program.command('migrate').description('bring the database schema up to date, then exit'),
).action(async (options: ConfigOverrides) => {
  const cetate = await open(options)
  await cetate.close()
})

databaseOptions(
  program
    .command('demo')
    .description("load (or reload) the city's data pack, then exit")
    .addOption(new Option('--pack <dir>', 'data pack folder (env CITY_PACK, default the Cluj-Napoca pack)')),
).action(async (options: ConfigOverrides) => {
  const cetate = await open(options)
  try {
    await loadPack(cetate, false)
  } finally {
    await cetate.close()
  }
})

const apikey = program.command('apikey').description('API keys for programs')
databaseOptions(
  apikey
    .command('create')
    .description('create an API key for an organisation and print it once')
    .requiredOption('--org <slug>', 'the organisation the key acts for')
    .requiredOption(
      '--scope <action...>',
      'actions the key may perform (repeatable), e.g. catalog.dataset.read',
    )
    .option('--name <name>', 'what the key is for', 'automation')
    .option('--expires-days <days>', 'days until the key stops working'),
).action(
  async (options: ConfigOverrides & { org: string; scope: string[]; name: string; expiresDays?: string }) => {
    const expiresInDays = options.expiresDays === undefined ? undefined : Number(options.expiresDays)
    if (expiresInDays !== undefined && !(Number.isInteger(expiresInDays) && expiresInDays > 0)) {
      throw new StartupError('--expires-days must be a whole number of days, at least 1.')
    }
    const cetate = await open(options)
    try {
      const created = await createApiKey(
        cetate.context,
        'system',
        { name: options.name, scopes: options.scope, organisation: options.org, expiresInDays },
        { ip: 'command line', userAgent: 'cetate', requestId: `cli-${process.pid}` },
      )
      say(
        `API key ${created.id} for ${options.org}, scopes ${options.scope.join(' ')}. Store it now; it is not shown again:`,
      )
      say(created.key)
    } catch (error) {
      if (error instanceof Problem) throw new StartupError(error.message)
      throw error
    } finally {
      await cetate.close()
    }
  },
)

const oidc = program.command('oidc').description('the city sign-on (OpenID Connect provider)')
databaseOptions(
  oidc
    .command('rotate-keys')
    .description('add a new signing key; the old ones stay published until their tokens expire'),
).action(async (options: ConfigOverrides) => {
  const cetate = await open(options)
  try {
    const rotated = await rotateSigningKeys(cetate.context, 'system', {
      ip: 'command line',
      userAgent: 'cetate',
      requestId: `cli-${process.pid}`,
    })
    say(
      `New signing key ${rotated.kid}; ${rotated.retired} older key(s) retired. Running servers use it within a minute.`,
    )
  } finally {
    await cetate.close()
  }
})

const audit = program.command('audit').description('the tamper-evident audit log')
databaseOptions(
  audit.command('verify').description('check every entry of the audit log; name the first broken one'),
).action(async (options: ConfigOverrides) => {
  const cetate = await open(options)
  const bar = new SingleBar({
    format: 'Checking the audit log [{bar}] {value}/{total} entries',
    hideCursor: true,
  })
  let started = false
  try {
    const check = await verifyAuditChain(cetate.database.db, (checked, total) => {
      if (!started) bar.start(total, 0)
      started = true
      bar.update(checked)
    })
    if (started) bar.stop()
    if (!check.intact) {
      process.stderr.write(`cetate: the audit log is broken at entry ${check.brokenAt}: ${check.reason}.\n`)
      process.exitCode = 1
    } else {
      say(`The audit log is intact: ${check.entries} entries checked.`)
    }
  } finally {
    await cetate.close()
  }
})

registerSimulateCommand(program)
registerImportCommand(program, open)

try {
  await program.parseAsync(process.argv)
} catch (error) {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) process.exit(0)
    const message = error.message.replace(/^error: /, '').replace(/\n/g, ' ')
    process.stderr.write(`cetate: ${message}; see cetate --help.\n`)
    process.exit(2)
  }
  const message = error instanceof StartupError ? error.message : `${(error as Error).stack ?? error}`
  process.stderr.write(`cetate: ${message}\n`)
  process.exit(1)
}
