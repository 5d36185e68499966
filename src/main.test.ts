import assert from 'node:assert/strict'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { runCli, startCli } from '../test/support/cli.ts'
import { type TestDatabase, testBackends } from '../test/support/databases.ts'

/** One line on stderr, naming the fix, and a non-zero exit. */
function assertOneClearLine(result: { code: number | null; stderr: string }, pattern: RegExp): void {
  assert.notEqual(result.code, 0)
  const lines = result.stderr.trim().split('\n')
  assert.equal(lines.length, 1, `one line, got:\n${result.stderr}`)
  assert.match(lines[0]!, pattern)
}

describe('the cetate command', { timeout: 180_000 }, () => {
  test('--help lists the commands, and each command has its own help', async () => {
    const help = await runCli(['--help'])
    assert.equal(help.code, 0)
    for (const command of ['start', 'migrate', 'demo'])
      assert.match(help.stdout, new RegExp(`\\b${command}\\b`))
    const startHelp = await runCli(['start', '--help'])
    assert.equal(startHelp.code, 0)
    assert.match(startHelp.stdout, /--port/)
    assert.match(startHelp.stdout, /--demo/)
  })

  test('an unknown flag is one line with a suggestion', async () => {
    assertOneClearLine(
      await runCli(['start', '--prot', '80']),
      /^cetate: unknown option '--prot'.*--port.*cetate --help/,
    )
  })

  test('a bad PORT is one line', async () => {
    assertOneClearLine(await runCli(['migrate'], { PORT: 'eighty' }), /PORT must be a whole number/)
  })

  test('an unreachable database is one line saying what to check', async () => {
    const result = await runCli(['migrate'], { DATABASE_URL: 'postgres://cetate:secret@127.0.0.1:9/cetate' })
    assertOneClearLine(
      result,
      /^cetate: Cannot reach PostgreSQL at 127\.0\.0\.1:9\/cetate .*check DATABASE_URL/,
    )
    assert.doesNotMatch(result.stderr + result.stdout, /secret/, 'the password is never printed')
  })

  test('a data directory that cannot be used is one line', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'cetate-cli-'))
    await writeFile(join(parent, 'file'), '')
    assertOneClearLine(
      await runCli(['migrate', '--data-dir', join(parent, 'file', 'data')]),
      /data directory .* is not usable .*--data-dir or DATA_DIR/,
    )
  })

  test('a busy port is one line', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const result = await runCli(['start', '--port', String(port), '--data-dir', 'memory://'])
      assertOneClearLine(
        result,
        new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use.*--port or PORT`),
      )
    } finally {
      blocker.close()
    }
  })
})

for (const backend of testBackends()) {
  describe(`start, stop and start again on ${backend.name}`, { timeout: 240_000 }, () => {
    let database: TestDatabase
    let env: Record<string, string>
    let dataDirArgs: string[]

    before(async () => {
      database = await backend.create()
      env = database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}
      dataDirArgs = database.databaseUrl ? [] : ['--data-dir', database.dataDir]
    })
    after(() => database.drop())

    test('--demo loads the city; SIGTERM during requests lets them finish; a restart has the data and loads nothing twice', async (t) => {
      const first = await startCli(['--port', '0', '--demo', ...dataDirArgs], env)
      // A failed assertion must not leave a server behind, or the test process never ends.
      t.after(() => first.child.kill('SIGKILL'))
      assert.match(
        first.output(),
        /pack "cluj-napoca" loaded \(city: 1 city with 21 areas; identity: 15 organisations, 3 consent purposes, 7 people, 1 sign-on clients; context: 24 sensors with 24 h of simulated readings \(4 open types\); catalog: 6 open datasets with 11 resources; strategy: 90 elements and 32 KPIs \(8 measured from platform metrics, 24 entered by hand\); portfolio: 57 projects \(4 core, 39 flexible, 14 pilots\), the 2026 challenge with 4 submissions, its results and the winner as pilot "[a-z0-9-]+"\)/,
      )
      const inFlight = Array.from({ length: 20 }, () =>
        fetch(`${first.url}/api/cities/cluj-napoca/areas`).then(
          (response) => response.status,
          () => 'refused',
        ),
      )
      const stopped = first.stop()
      const statuses = await Promise.all(inFlight)
      // Each request either completed or was cleanly refused; none hung or broke half-way.
      assert.ok(
        statuses.every((status) => status === 200 || status === 503 || status === 'refused'),
        String(statuses),
      )
      const { code, ms } = await stopped
      assert.equal(code, 0)
      assert.ok(ms < 10_000, `stopped in ${ms} ms`)

      const second = await startCli(['--port', '0', '--demo', ...dataDirArgs], env)
      t.after(() => second.child.kill('SIGKILL'))
      assert.match(second.output(), /pack "cluj-napoca" is already loaded; left as it is/)
      const { items } = (await (await fetch(`${second.url}/api/cities`)).json()) as {
        items: { areaCount: number }[]
      }
      assert.equal(items[0]?.areaCount, 21)
      assert.equal((await second.stop()).code, 0)
    })

    test('migrate brings the schema up to date and exits', async () => {
      const result = await runCli(['migrate', ...dataDirArgs], env)
      assert.equal(result.code, 0, result.stderr)
      assert.match(result.stdout, /Database ready/)
    })
  })
}
