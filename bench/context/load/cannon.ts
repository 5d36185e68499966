import autocannon from 'autocannon'
import { type CpuShare, cpuShare, cpuSnapshot, describeCpu } from '../cpu.ts'
import { count, ms, say } from '../print.ts'
import type { ServerProcess } from '../server-process.ts'
import { percentile } from '../statistics.ts'

/** Requests as fast as the connections go (autocannon): the request measures and their ceilings. */

export interface Load {
  /** Successful responses per second. */
  rps: number
  requests: number
  failures: number
  firstError: string | undefined
  p50: number
  p95: number
  p99: number
  cpu: CpuShare
}

export interface Target {
  url: string
  connections: number
  seconds: number
  method?: 'GET' | 'PATCH' | 'POST'
  headers?: Record<string, string>
  next: () => { path: string; body?: string }
}

function cannonOnce(target: Target): Promise<Omit<Load, 'cpu'>> {
  const times: number[] = []
  let firstError: string | undefined
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections: target.connections,
        duration: target.seconds,
        headers: target.headers ?? {},
        requests: [
          {
            method: target.method ?? 'GET',
            setupRequest: (request) => {
              const { path, body } = target.next()
              return { ...request, path, ...(body === undefined ? {} : { body }) }
            },
            onResponse: (status, body) => {
              if ((status < 200 || status > 299) && firstError === undefined)
                firstError = `${status} ${String(body).slice(0, 800)}`
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error)
        times.sort((a, b) => a - b)
        const ok = result['2xx']
        resolve({
          rps: ok / (result.duration || target.seconds),
          requests: result.requests.total,
          failures: result.non2xx + result.errors + result.timeouts,
          firstError: firstError ?? (result.errors > 0 ? `${result.errors} socket errors` : undefined),
          p50: percentile(times, 0.5),
          p95: percentile(times, 0.95),
          p99: percentile(times, 0.99),
        })
      },
    )
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime))
  })
}

/** A warm-up, then the measured run with the CPU each party took, printed under `label`. */
export async function cannon(server: ServerProcess, label: string, target: Target): Promise<Load> {
  await cannonOnce({ ...target, seconds: Math.max(1, Math.min(3, Math.round(target.seconds / 5))) })
  const before = await cpuSnapshot(server)
  const load = await cannonOnce(target)
  const cpu = cpuShare(before, await cpuSnapshot(server))
  say(
    `${label}: ${count(load.rps)} req/s (${target.connections} connection${target.connections === 1 ? '' : 's'}), p50 ${ms(load.p50)}, p95 ${ms(load.p95)}, p99 ${ms(load.p99)}, failures ${load.failures}`,
  )
  say(`  ${describeCpu(cpu)}`)
  if (load.firstError) say(`  first failure: ${load.firstError}`)
  return { ...load, cpu }
}
