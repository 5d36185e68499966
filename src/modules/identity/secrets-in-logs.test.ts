import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type Started, startCli } from '../../../test/support/cli.ts'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import { SessionClient } from '../../../test/support/session-client.ts'

const [backend] = testBackends()

describe('secrets never reach the logs', { timeout: 180_000 }, () => {
  let database: TestDatabase
  let server: Started

  before(async () => {
    database = await backend!.create()
    server = await startCli(['--port', '0', '--demo', '--data-dir', database.dataDir], {
      LOG_LEVEL: 'trace',
      AUTH_RATE_LIMIT: '1000',
    })
  })
  after(async () => {
    await server.stop()
    await database.drop()
  })

  test('passwords, session secrets, CSRF tokens and API keys are absent from every log line, even at trace level', async () => {
    const secrets: string[] = []
    const password = 'parola-care-nu-apare-în-jurnale'
    const client = new SessionClient(server.url)
    const created = await client.request('/api/account/sign-up', {
      method: 'POST',
      json: { email: 'jurnal@example.ro', password, displayName: 'Test Jurnal' },
    })
    assert.equal(created.status, 201)
    await client.signIn('jurnal@example.ro', password)
    await client.request('/api/account/sign-in', {
      method: 'POST',
      json: { email: 'jurnal@example.ro', password: `${password}-greșit` },
    })
    secrets.push(password, `${password}-greșit`, client.cookie!.split('=')[1]!, client.csrfToken!)
    const admin = /administrator@cluj-napoca\.example \(administrator\): password (\S+)/.exec(
      server.output(),
    )![1]!
    const staff = new SessionClient(server.url)
    await staff.signIn('administrator@cluj-napoca.example', admin)
    const key = await staff.json<{ key: string }>('/api/account/api-keys', {
      method: 'POST',
      json: { name: 'log check', scopes: ['*'] },
    })
    secrets.push(admin, staff.cookie!.split('=')[1]!, key.key)
    await fetch(`${server.url}/api/people?q=jurnal`, { headers: { authorization: `Bearer ${key.key}` } })
    await fetch(`${server.url}/api/people?q=jurnal`, { headers: { authorization: `Bearer ${key.key}x` } })
    await fetch(`${server.url}/api/account/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'jurnal@example.ro', password }),
    })

    const logLines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
    assert.ok(logLines.length > 0, 'the server logged at trace level')
    for (const secret of secrets) {
      const leaking = logLines.find((line) => line.includes(secret))
      assert.equal(leaking, undefined, `a log line holds a secret: ${leaking?.slice(0, 200)}`)
    }
  })
})
