import { airQualityCount, airQualityId } from '../entities.ts'
import { cannon, type Load } from '../load/cannon.ts'
import type { DirectResult } from '../messages.ts'
import { CONNECTIONS } from '../workload.ts'
import { type BenchRun, bearer, measureDirect } from './bench-run.ts'

export interface PatchMeasure {
  load: Load
  /** patchEntityAttribute in the server process, without HTTP and auth. */
  direct: DirectResult
}

/** Single-attribute PATCH of NO2 on a random AirQualityObserved entity; then the same without HTTP. */
export async function measurePatch(run: BenchRun): Promise<PatchMeasure> {
  const { server, info } = run
  const airQuality = airQualityCount(run.entities)
  const load = await cannon(server, 'PATCH /entities/{id}/attrs/NO2', {
    url: info.url,
    connections: CONNECTIONS,
    seconds: run.seconds,
    method: 'PATCH',
    headers: { ...bearer(run), 'content-type': 'application/json' },
    next: () => ({
      path: `/ngsi-ld/v1/entities/${encodeURIComponent(airQualityId(Math.floor(Math.random() * airQuality)))}/attrs/NO2`,
      body: `{"value":${(80 * Math.random()).toFixed(1)}}`,
    }),
  })
  const direct = await measureDirect(run, 'patch')
  return { load, direct }
}
