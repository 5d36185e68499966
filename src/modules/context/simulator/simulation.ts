import { setTimeout as sleep } from 'node:timers/promises'
import { demoEntities } from '../demo/demo-entities.ts'
import type { SensorPack } from '../demo/sensors.ts'
import { type NgsiEntity, observationsAt } from './observations.ts'
import { type BrokerTarget, upsertEntities } from './upsert.ts'

export interface SimulateOptions extends BrokerTarget {
  sensors: SensorPack
  from: Date
  to: Date
  stepMinutes: number
  seed: number
  /** Entities per request when catching up on the past; 1,000 unless told. */
  batchSize?: number
  /** Steps whose readings the broker has taken, of all steps from `from` to `to`. */
  onProgress?: (done: number, total: number) => void
  /** Stops the walk; the result then says `aborted` and counts what was sent. */
  signal?: AbortSignal
}

export interface SimulationResult {
  steps: number
  requests: number
  entities: number
  attributes: number
  aborted: boolean
}

const LONGEST_TIMER_MS = 2 ** 31 - 1

/**
 * Walks time from `from` to `to` and sends every station's readings at each step to the broker.
 * Past steps go in batches of many steps (entities stay in time order, so each one's history
 * builds up in order); future steps are sent one by one, each when its time comes. The first
 * step sends whole entities (name, place…) so a fresh broker learns the stations too.
 */
export async function simulate(options: SimulateOptions): Promise<SimulationResult> {
  const { sensors, seed, stepMinutes, signal } = options
  const stepMs = stepMinutes * 60_000
  if (!(stepMs > 0)) throw new Error(`The step must be a positive number of minutes, not ${stepMinutes}`)
  if (options.to.getTime() < options.from.getTime()) throw new Error('The simulation ends before it starts')
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1000))
  const total = Math.floor((options.to.getTime() - options.from.getTime()) / stepMs) + 1
  const perStep = sensors.stations.length
  const result: SimulationResult = { steps: 0, requests: 0, entities: 0, attributes: 0, aborted: false }
  let queue: NgsiEntity[] = []

  const send = async (entities: NgsiEntity[]) => {
    await upsertEntities(options, entities, signal)
    result.requests++
    result.entities += entities.length
    for (const entity of entities) result.attributes += Object.keys(entity).length - 2
    const done = Math.floor(result.entities / perStep)
    if (done > result.steps) {
      result.steps = done
      options.onProgress?.(done, total)
    }
  }
  const sendFullBatches = async () => {
    while (queue.length >= batchSize) {
      const batch = queue.slice(0, batchSize)
      queue = queue.slice(batchSize)
      await send(batch)
    }
  }
  const sendAll = async () => {
    await sendFullBatches()
    if (queue.length === 0) return
    const rest = queue
    queue = []
    await send(rest)
  }

  try {
    for (let step = 0; step < total && !signal?.aborted; step++) {
      const time = new Date(options.from.getTime() + step * stepMs)
      const live = time.getTime() > Date.now()
      if (live) {
        await sendAll()
        await waitUntil(time.getTime(), signal)
      }
      queue.push(
        ...(step === 0
          ? demoEntities(sensors, time, seed)
          : observationsAt(sensors, time, { seed, periodMinutes: stepMinutes })),
      )
      await (live ? sendAll() : sendFullBatches())
    }
    if (!signal?.aborted) await sendAll()
  } catch (error) {
    if (!signal?.aborted) throw error
  }
  result.aborted = signal?.aborted ?? false
  return result
}

async function waitUntil(instant: number, signal?: AbortSignal): Promise<void> {
  for (let wait = instant - Date.now(); wait > 0; wait = instant - Date.now()) {
    await sleep(Math.min(wait, LONGEST_TIMER_MS), undefined, { signal })
  }
}
