import { type CpuShare, cpuShare, cpuSnapshot } from '../cpu.ts'
import { makeEntities } from '../entities.ts'
import type { StartResult } from '../messages.ts'
import type { ServerProcess } from '../server-process.ts'
import { BATCH, BATCH_CONCURRENCY } from '../workload.ts'

/** Batch upsert over HTTP: the generated entities, a batch a request. */

export interface BatchLoad {
  entities: number
  seconds: number
  failures: number
  firstError: string | undefined
  cpu: CpuShare
}

async function postBatch(
  url: string,
  apiKey: string,
  body: string,
  size: number,
): Promise<{ failed: number; error?: string }> {
  const response = await fetch(`${url}/ngsi-ld/v1/entityOperations/upsert`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body,
  })
  const text = await response.text()
  if (response.status === 201 || response.status === 204) return { failed: 0 }
  if (response.status === 207) {
    const errors = (JSON.parse(text) as { errors?: unknown[] }).errors ?? []
    return { failed: errors.length, error: `207 ${text.slice(0, 800)}` }
  }
  return { failed: size, error: `${response.status} ${text.slice(0, 800)}` }
}

/** Upserts batches of entities, `concurrency` requests at a time, until done or until the deadline. */
export async function upsertBatches(
  server: ServerProcess,
  info: StartResult,
  options: {
    entities: number
    generation: number
    /** Stop after this many seconds (cycling over the entities); otherwise once through. */
    seconds?: number
    onProgress?: (done: number, failures: number) => void
  },
): Promise<BatchLoad> {
  const batches = Math.ceil(options.entities / BATCH)
  let next = 0
  let done = 0
  let failures = 0
  let firstError: string | undefined
  const before = await cpuSnapshot(server)
  const deadline = options.seconds === undefined ? undefined : performance.now() + options.seconds * 1000
  await Promise.all(
    Array.from({ length: BATCH_CONCURRENCY }, async () => {
      for (;;) {
        if (deadline === undefined ? next >= batches : performance.now() >= deadline) return
        const from = (next++ % batches) * BATCH
        const items = makeEntities(from, Math.min(options.entities, from + BATCH), options.generation)
        const result = await postBatch(info.url, info.apiKey, JSON.stringify(items), items.length)
        done += items.length - result.failed
        failures += result.failed
        if (result.error && firstError === undefined) firstError = result.error
        options.onProgress?.(done, failures)
      }
    }),
  )
  const cpu = cpuShare(before, await cpuSnapshot(server))
  return { entities: done, seconds: cpu.seconds, failures, firstError, cpu }
}
