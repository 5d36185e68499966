import { cannon, type Load } from '../load/cannon.ts'
import { CONNECTIONS } from '../workload.ts'
import type { BenchRun } from './bench-run.ts'

export interface RequestCeilings {
  helloUrl: string
  /** The bare Fastify hello-world in the server process. */
  hello: Load
  /** The platform's /health: every hook, no database. */
  health: Load
  /** The hello-world on one connection: the floor for latencies. */
  helloOne: Load
}

/** Ceilings for requests: a bare Fastify in the server's process, and the platform's /health. */
export async function measureRequestCeilings({ server, info, seconds }: BenchRun): Promise<RequestCeilings> {
  const helloUrl = await server.call<string>('hello')
  const hello = await cannon(server, 'ceiling: bare Fastify hello-world in the server process', {
    url: helloUrl,
    connections: CONNECTIONS,
    seconds,
    next: () => ({ path: '/' }),
  })
  const health = await cannon(server, 'ceiling: the platform /health (every hook, no database)', {
    url: info.url,
    connections: CONNECTIONS,
    seconds,
    next: () => ({ path: '/health' }),
  })
  const helloOne = await cannon(server, 'floor: bare Fastify hello-world, one connection', {
    url: helloUrl,
    connections: 1,
    seconds: Math.min(5, seconds),
    next: () => ({ path: '/' }),
  })
  return { helloUrl, hello, health, helloOne }
}
