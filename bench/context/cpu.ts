import { readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import type { ServerProcess } from './server-process.ts'

/** CPU accounting: what the server, PostgreSQL, the load generator and the rest of the machine took. */

/** CPU time, in milliseconds, of each party since boot, and the wall clock. */
export interface CpuSnapshot {
  wall: number
  loadGenerator: number
  server: number
  postgres: Map<number, number>
  /** The PostgreSQL processes that work for us: our database's backends and the cluster's own. */
  ours: number[]
  machineBusy: number
}

const TICK_MS = 10 // USER_HZ is 100 on Linux.

/** CPU milliseconds of each PostgreSQL process, by process id. */
function postgresCpuMs(): Map<number, number> {
  const byPid = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const close = stat.lastIndexOf(')')
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue
      const fields = stat.slice(close + 2).split(' ')
      byPid.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * TICK_MS)
    } catch {
      // The process ended while we looked.
    }
  }
  return byPid
}

/** CPU milliseconds the whole machine was busy since boot, every core. */
export function machineBusyMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  const total = fields.reduce((sum, value) => sum + value, 0)
  return (total - fields[3]! - fields[4]!) * TICK_MS
}

export async function cpuSnapshot(server: ServerProcess): Promise<CpuSnapshot> {
  const usage = process.cpuUsage()
  return {
    wall: performance.now(),
    loadGenerator: (usage.user + usage.system) / 1000,
    server: await server.call<number>('cpu'),
    ours: await server.call<number[]>('postgresPids'),
    postgres: postgresCpuMs(),
    machineBusy: machineBusyMs(),
  }
}

export interface CpuShare {
  seconds: number
  server: number
  postgres: number
  loadGenerator: number
  other: number
  /** CPU milliseconds of the server and of PostgreSQL. */
  serverMs: number
  postgresMs: number
}

export function cpuShare(before: CpuSnapshot, after: CpuSnapshot): CpuShare {
  const wall = after.wall - before.wall
  const pct = (ms: number) => (100 * ms) / wall
  const server = after.server - before.server
  // Per process: others' test databases open and close backends all the time. A backend that
  // appeared during the run counts whole; one that ended during it is lost (rare for ours: a pool).
  const ours = new Set([...before.ours, ...after.ours])
  let postgres = 0
  for (const [pid, used] of after.postgres)
    if (ours.has(pid)) postgres += used - (before.postgres.get(pid) ?? 0)
  const loadGenerator = after.loadGenerator - before.loadGenerator
  const other = Math.max(0, after.machineBusy - before.machineBusy - server - postgres - loadGenerator)
  return {
    seconds: wall / 1000,
    server: pct(server),
    postgres: pct(postgres),
    loadGenerator: pct(loadGenerator),
    other: pct(other),
    serverMs: server,
    postgresMs: postgres,
  }
}

export const cores = os.cpus().length

export const describeCpu = (share: CpuShare): string =>
  `CPU (100% = one core, ${cores * 100}% in all): server ${share.server.toFixed(0)}%, PostgreSQL ${share.postgres.toFixed(0)}%, load generator ${share.loadGenerator.toFixed(0)}%, other ${share.other.toFixed(0)}%`
