import type { DirectResult } from '../messages.ts'
import { mean, percentile } from '../statistics.ts'

/** Runs `op` in `concurrency` loops for `seconds`; `op` answers how many units (entities) it did. */
export async function timedLoops(
  seconds: number,
  concurrency: number,
  op: (i: number) => Promise<number>,
): Promise<DirectResult> {
  const times: number[] = []
  let units = 0
  let i = 0
  const cpuStart = process.cpuUsage()
  const started = performance.now()
  const until = started + seconds * 1000
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t = performance.now()
        // Not `units += await …`: that reads `units` before the await and loses the other loops' work.
        const done = await op(i++)
        units += done
        times.push(performance.now() - t)
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuStart)
  times.sort((a, b) => a - b)
  return {
    ops: times.length,
    units,
    seconds: elapsed,
    meanMs: mean(times),
    p95Ms: percentile(times, 0.95),
    cpuPct: (cpu.user + cpu.system) / 1e4 / elapsed,
  }
}
