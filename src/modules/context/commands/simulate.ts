import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SingleBar } from 'cli-progress'
import { type Command, InvalidArgumentError, Option } from 'commander'
import { readSensors } from '../demo/sensors.ts'
import { type SimulationResult, simulate } from '../simulator/simulation.ts'
import { UpsertRefused } from '../simulator/upsert.ts'

const DEFAULT_SENSORS = fileURLToPath(
  new URL('../../../demo/packs/cluj-napoca/sensors.json', import.meta.url),
)
/** The latest instant a Date can hold: "until stopped". */
const END_OF_TIME = new Date(8.64e15)

interface SimulateCommandOptions {
  url: string
  apiKey?: string
  tenant?: string
  days: number
  step: number
  live?: boolean
  seed: number
  sensors: string
}

const say = (line: string) => process.stdout.write(`${line}\n`)

function positiveNumber(text: string): number {
  const value = Number(text)
  if (!Number.isFinite(value) || value <= 0) throw new InvalidArgumentError('expected a positive number')
  return value
}

function wholeNumber(text: string): number {
  const value = Number(text)
  if (!Number.isInteger(value)) throw new InvalidArgumentError('expected a whole number')
  return value
}

/** `cetate simulate`: feeds a running Cetate with the demo stations' simulated readings. */
export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description(
      'send simulated readings of the demo stations (air, weather, parking, traffic) to a running Cetate',
    )
    .option('--url <base>', 'address of the running Cetate', 'http://127.0.0.1:8080')
    .addOption(
      new Option('--api-key <key>', 'API key allowed to write context entities').env('CETATE_API_KEY'),
    )
    .option('--tenant <name>', 'NGSI-LD tenant to write into')
    .option('--days <n>', 'days of past readings to send first', positiveNumber, 1)
    .option('--step <minutes>', 'minutes between readings', positiveNumber, 10)
    .option('--live', 'after the past days, keep sending readings as time goes, until Ctrl-C')
    .option('--seed <n>', 'the same seed gives the same readings', wholeNumber, 1)
    .option('--sensors <file>', 'stations file', relative(process.cwd(), DEFAULT_SENSORS) || DEFAULT_SENSORS)
    .action(async (options: SimulateCommandOptions) => {
      try {
        await run(options)
      } catch (error) {
        const refused = error instanceof UpsertRefused && (error.status === 401 || error.status === 403)
        const hint = refused ? '; pass --api-key or set CETATE_API_KEY to a key that may write entities' : ''
        process.stderr.write(`cetate: ${(error as Error).message}${hint}\n`)
        process.exitCode = 1
      }
    })
}

async function run(options: SimulateCommandOptions): Promise<void> {
  const sensors = await readSensors(options.sensors)
  const stepMs = options.step * 60_000
  // Whole steps (10:00, 10:10…) so readings line up across runs and stations.
  const now = Math.floor(Date.now() / stepMs) * stepMs
  const from = new Date(now - Math.round((options.days * 86_400_000) / stepMs) * stepMs)
  const controller = new AbortController()
  const stop = () => controller.abort()
  process.once('SIGINT', stop)
  const common = {
    baseUrl: options.url,
    apiKey: options.apiKey,
    tenant: options.tenant,
    sensors,
    stepMinutes: options.step,
    seed: options.seed,
    signal: controller.signal,
  }
  const bar = new SingleBar({
    format: 'Sending past readings [{bar}] {value}/{total} steps | ETA {eta_formatted}',
    hideCursor: true,
  })
  try {
    bar.start(Math.floor((now - from.getTime()) / stepMs) + 1, 0)
    let past: SimulationResult
    try {
      past = await simulate({ ...common, from, to: new Date(now), onProgress: (done) => bar.update(done) })
    } finally {
      bar.stop()
    }
    say(summary(past, sensors.stations.length, options.url))
    if (!options.live || past.aborted) return
    say(`Sending live readings every ${options.step} minutes; Ctrl-C stops.`)
    const live = await simulate({
      ...common,
      from: new Date(now + stepMs),
      to: END_OF_TIME,
      onProgress: () =>
        say(`${new Date().toISOString()} readings of ${sensors.stations.length} stations sent`),
    })
    say(summary(live, sensors.stations.length, options.url))
  } finally {
    process.removeListener('SIGINT', stop)
  }
}

function summary(result: SimulationResult, stations: number, url: string): string {
  const count = (n: number) => n.toLocaleString('en-GB')
  const stopped = result.aborted ? 'Stopped after sending' : 'Sent'
  return `${stopped} ${count(result.entities)} observations (${stations} stations × ${count(result.steps)} steps, ${count(result.attributes)} attributes) in ${count(result.requests)} requests to ${url}.`
}
