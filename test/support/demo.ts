import { defaultPackDir } from '../../src/config.ts'
import { loadDataPack } from '../../src/demo/data-pack.ts'
import { type RunningCetate, startCetate } from './cetate.ts'
import type { TestDatabase } from './databases.ts'
import { SessionClient } from './session-client.ts'

export interface DemoCetate extends RunningCetate {
  /** The generated password of each demo person, by email, as the pack printed them. */
  passwords: Map<string, string>
  /** The lines the pack printed once (passwords, client secrets). */
  notes: string[]
  /** A client signed in as that demo person. */
  signedIn(email: string): Promise<SessionClient>
}

const relaxed = (env: Record<string, string>) => ({ env: { AUTH_RATE_LIMIT: '1000', ...env } })

/** Cetate with the demo pack loaded, sign-in throttling relaxed for the many sign-ins of a test. */
export async function startDemoCetate(
  database: TestDatabase,
  env: Record<string, string> = {},
): Promise<DemoCetate> {
  const server = await startCetate(database, relaxed(env))
  const load = await loadDataPack(server.cetate, defaultPackDir, { onlyIntoEmpty: true })
  const passwords = new Map<string, string>()
  for (const note of load.notes) {
    const match = /^(\S+) \(.*\): password (\S+)$/.exec(note)
    if (match) passwords.set(match[1]!, match[2]!)
  }
  return withDemo(server, passwords, load.notes)
}

/** Starts again on the same database (after a command-line step), keeping what the pack printed. */
export async function restartDemoCetate(
  database: TestDatabase,
  previous: DemoCetate,
  env: Record<string, string> = {},
): Promise<DemoCetate> {
  return withDemo(await startCetate(database, relaxed(env)), previous.passwords, previous.notes)
}

function withDemo(server: RunningCetate, passwords: Map<string, string>, notes: string[]): DemoCetate {
  return {
    ...server,
    passwords,
    notes,
    async signedIn(email) {
      const client = new SessionClient(server.url)
      await client.signIn(email, passwords.get(email)!)
      return client
    },
  }
}
