import cliProgress from 'cli-progress'
import { describeCpu } from '../cpu.ts'
import { type BatchLoad, upsertBatches } from '../load/batch-upsert.ts'
import type { CeilingResult, DirectResult } from '../messages.ts'
import { count, say } from '../print.ts'
import { BATCH, BATCH_CONCURRENCY, CEILING_ENTITIES } from '../workload.ts'
import type { BenchRun } from './bench-run.ts'

export interface BatchCreate {
  load: BatchLoad
  /** Entities a second. */
  rate: number
  /** The raw writes of the same rows into the live server's database. */
  ceilings: CeilingResult[]
}

export interface BatchReplace {
  load: BatchLoad
  rate: number
  /** runBatch in the server process, without HTTP and JSON parsing. */
  direct: DirectResult
}

/** The fastest raw write of the seeded rows: the batch upsert's ceiling. */
export interface RawWrite {
  method: string
  rate: number
}

const printLoad = (load: BatchLoad) => {
  say(`  ${describeCpu(load.cpu)}`)
  if (load.firstError) say(`  first failure: ${load.firstError}`)
}

/** Seeds the entities with batch upsert, with a progress bar. */
async function seed({ server, info, entities }: BenchRun): Promise<BatchLoad> {
  const bar = new cliProgress.SingleBar(
    {
      format:
        'seeding |{bar}| {value}/{total} entities | {speed} entities/s | failures {failures} | {duration}s',
      noTTYOutput: true,
      notTTYSchedule: 5000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  )
  const started = performance.now()
  bar.start(entities, 0, { speed: 0, failures: 0 })
  const load = await upsertBatches(server, info, {
    entities,
    generation: 0,
    onProgress: (done, failures) =>
      bar.update(done + failures, {
        speed: count(done / ((performance.now() - started) / 1000)),
        failures,
      }),
  })
  bar.stop()
  return load
}

/** Batch upsert of new entities (the seeding), then raw writes of the rows it wrote. */
export async function measureBatchCreate(run: BenchRun): Promise<BatchCreate> {
  const load = await seed(run)
  const rate = load.entities / load.seconds
  say(
    `batch upsert (create, ${BATCH} a request, ${BATCH_CONCURRENCY} concurrent): ${count(load.entities)} entities in ${load.seconds.toFixed(1)} s = ${count(rate)} entities/s, failures ${load.failures}`,
  )
  printLoad(load)
  const ceilings = await run.server.call<CeilingResult[]>('ceiling', {
    entities: CEILING_ENTITIES,
    concurrency: BATCH_CONCURRENCY,
  })
  for (const ceiling of ceilings)
    say(
      `ceiling: ${ceiling.method} of the same rows into the same database: ${count(ceiling.entities / ceiling.seconds)} entities/s (${count(ceiling.rows / ceiling.seconds)} rows/s: state, temporal entity and a history row per attribute)`,
    )
  return { load, rate, ceilings }
}

/** Batch upsert replacing the existing entities for the measure's time, then the same without HTTP. */
export async function measureBatchReplace(run: BenchRun): Promise<BatchReplace> {
  const { server, info, entities, seconds } = run
  const load = await upsertBatches(server, info, { entities, generation: 1, seconds })
  const rate = load.entities / load.seconds
  say(
    `batch upsert (replace existing, ${BATCH} a request, ${BATCH_CONCURRENCY} concurrent): ${count(rate)} entities/s over ${load.seconds.toFixed(1)} s, failures ${load.failures}`,
  )
  printLoad(load)
  const direct = await server.call<DirectResult>('direct', {
    what: 'upsert',
    seconds: run.directSeconds * 2,
    concurrency: BATCH_CONCURRENCY,
    generation: 2,
  })
  return { load, rate, direct }
}

/** Closes the server, and (embedded) writes the rows on PGlite alone: the best raw write of all. */
export async function closeForRawWrite({ server }: BenchRun, live: CeilingResult[]): Promise<RawWrite> {
  const closing = await server.call<CeilingResult[]>('close')
  for (const ceiling of closing)
    say(
      `ceiling: ${ceiling.method}, same data directory after the server closed: ${count(ceiling.entities / ceiling.seconds)} entities/s (${count(ceiling.rows / ceiling.seconds)} rows/s)`,
    )
  const best = [...live, ...closing].reduce(
    (best, each) => (each.entities / each.seconds > best.entities / best.seconds ? each : best),
    live[0]!,
  )
  return { method: best.method, rate: best.entities / best.seconds }
}
