import type { DataPack, DemoOutcome, ModuleContext } from '../../../platform/module.ts'
import { runBatch } from '../batch.ts'
import { coreTermMap } from '../json-ld/term-map.ts'
import { observationsAt } from '../simulator/observations.ts'
import type { PublicTypes } from '../visibility.ts'
import { demoEntities, parseSensors } from './demo-entities.ts'

const HISTORY_HOURS = 24
const STEP_MINUTES = 10
const SEED = 1
const CHUNK = 1000

/**
 * Loads the pack's demo stations with a day of simulated history (10-minute steps up to now), and
 * opens their types to anyone: the live map and charts have something to show from the first start.
 */
export async function loadDemoSensors(
  context: ModuleContext,
  pack: DataPack,
  publicTypes: PublicTypes,
): Promise<DemoOutcome | undefined> {
  const file = pack.manifest.sensors
  if (typeof file !== 'string') return undefined
  const sensors = parseSensors(await pack.readJson(file), `${pack.directory}/${file}`)
  const stepMs = STEP_MINUTES * 60_000
  const end = Math.floor(Date.now() / stepMs) * stepMs
  const start = end - HISTORY_HOURS * 3_600_000
  const items: unknown[] = demoEntities(sensors, new Date(start), SEED)
  for (let time = start + stepMs; time <= end; time += stepMs)
    items.push(...observationsAt(sensors, new Date(time), { seed: SEED, periodMinutes: STEP_MINUTES }))
  for (let index = 0; index < items.length; index += CHUNK) {
    const result = await runBatch(
      context,
      '',
      items.slice(index, index + CHUNK),
      async () => coreTermMap,
      'upsertUpdate',
    )
    const [failure] = result.errors
    if (failure) throw new Error(`Demo sensor ${failure.entityId} was refused: ${failure.error.detail}`)
  }
  const types = [...new Set(sensors.stations.map((station) => coreTermMap.expand(station.type)))]
  await publicTypes.declare('', types, true)
  return {
    summary: `${sensors.stations.length} sensors with ${HISTORY_HOURS} h of simulated readings (${types.length} open types)`,
  }
}
