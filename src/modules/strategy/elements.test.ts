import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import { type DemoCetate, startDemoCetate } from '../../../test/support/demo.ts'
import type { SessionClient } from '../../../test/support/session-client.ts'
import type { Element, ElementVersion } from './schemas.ts'

const OFFICE = 'inovare@cluj-napoca.example'
const pause = () => new Promise((resolve) => setTimeout(resolve, 20))

for (const backend of testBackends()) {
  describe(`the strategy as data on ${backend.name}`, { timeout: 180_000 }, () => {
    let server: DemoCetate
    let office: SessionClient
    let original: Element
    let betweenEdits: string
    const read = async <T>(path: string) => (await (await fetch(`${server.url}${path}`)).json()) as T

    let database: TestDatabase
    before(async () => {
      database = await backend.create()
      server = await startDemoCetate(database)
      office = await server.signedIn(OFFICE)
    })
    after(async () => {
      await server?.close()
      await database?.drop()
    })

    test('the demo strategy has every part, as stated on the date of its source document', async () => {
      const { elements } = await read<{ elements: Element[] }>('/api/strategy')
      const count = (kind: string) => elements.filter((element) => element.kind === kind).length
      assert.equal(count('vision'), 1)
      assert.equal(count('transversal_objective'), 1)
      assert.equal(count('objective'), 5)
      assert.equal(count('direction_group'), 8)
      assert.equal(count('core_project'), 4)
      assert.equal(count('priority_area'), 6)
      const lettered = (group: string) =>
        elements
          .filter((element) => element.parent === `directions-${group}`)
          .map((element) => element.code)
          .join('')
      assert.equal(lettered('1'), '1a1b1c1d1e1f1g')
      assert.equal(lettered('8'), '8a8b8c8d')
      assert.ok(elements.every((element) => element.title.ro && element.title.en))
      const before = await read<{ elements: Element[] }>('/api/strategy?asOf=2021-10-19T00:00:00Z')
      assert.equal(before.elements.length, 0)
      original = elements.find((element) => element.key === 'objective-4')!
      assert.equal(original.version, 1)
    })

    test('an edit keeps the past: history, differences, and the strategy as it stood at any moment', async () => {
      await pause()
      const first = await office.request('/api/strategy/elements/objective-4', {
        method: 'PATCH',
        json: {
          version: 1,
          title: { ...original.title, ro: 'Participare, transparență și date deschise' },
          note: 'Revizuirea anuală 2026',
        },
      })
      assert.equal(first.status, 200, await first.clone().text())
      await pause()
      betweenEdits = new Date().toISOString()
      await pause()
      const second = await office.request('/api/strategy/elements/objective-4', {
        method: 'PATCH',
        json: { version: 2, summary: { ro: 'Rezumat nou.', en: 'New summary.' } },
      })
      assert.equal(second.status, 200)
      assert.equal(((await second.json()) as Element).version, 3)

      const atStart = await read<{ elements: Element[] }>('/api/strategy?asOf=2022-01-01T00:00:00Z')
      assert.deepEqual(
        atStart.elements.find((element) => element.key === 'objective-4'),
        original,
      )
      const between = await read<{ elements: Element[] }>(`/api/strategy?asOf=${betweenEdits}`)
      const middle = between.elements.find((element) => element.key === 'objective-4')!
      assert.equal(middle.version, 2)
      assert.equal(middle.title.ro, 'Participare, transparență și date deschise')
      assert.deepEqual(middle.summary, original.summary)

      const diff = await read<{ changes: { field: string; from: unknown; to: unknown }[] }>(
        '/api/strategy/elements/objective-4/diff?from=1&to=2',
      )
      assert.deepEqual(
        diff.changes.map((change) => change.field),
        ['title'],
      )
      assert.deepEqual(diff.changes[0]!.from, original.title)
      const whole = await read<{ changes: { field: string }[] }>(
        '/api/strategy/elements/objective-4/diff?from=1',
      )
      assert.deepEqual(
        whole.changes.map((change) => change.field),
        ['title', 'summary'],
      )
    })

    test('who changed it is shown to editors only', async () => {
      const open = await read<{ items: ElementVersion[] }>('/api/strategy/elements/objective-4/versions')
      assert.equal(open.items.length, 3)
      assert.ok(open.items.every((version) => version.changedBy === null))
      assert.equal(open.items[1]!.note, 'Revizuirea anuală 2026')
      const staff = await office.json<{ items: ElementVersion[] }>(
        '/api/strategy/elements/objective-4/versions',
      )
      assert.equal(staff.items[1]!.changedBy, 'Ioana Pop')
      const changes = await read<{ changes: { key: string; version: number }[] }>(
        `/api/strategy/changes?from=${encodeURIComponent('2026-01-01T00:00:00Z')}`,
      )
      assert.deepEqual(
        changes.changes.map((change) => `${change.key}@${change.version}`),
        ['objective-4@2', 'objective-4@3'],
      )
    })

    test('a stale edit is refused instead of overwriting; bad edits say what to fix', async () => {
      const stale = await office.request('/api/strategy/elements/objective-4', {
        method: 'PATCH',
        json: { version: 1, title: { ro: 'Altceva' } },
      })
      assert.equal(stale.status, 409)
      assert.match(((await stale.json()) as { detail: string }).detail, /version 3, not 1/)
      const badParent = await office.request('/api/strategy/elements/direction-2a', {
        method: 'PATCH',
        json: { version: 1, parent: 'objective-1' },
      })
      assert.equal(badParent.status, 400)
      assert.equal(((await badParent.json()) as { code: string }).code, 'STRATEGY_PARENT_INVALID')
      const missing = await office.request('/api/strategy/elements/no-such-thing', {
        method: 'PATCH',
        json: { version: 1, title: { ro: 'X' } },
      })
      assert.equal(missing.status, 404)
      const empty = await office.request('/api/strategy/elements/objective-4', {
        method: 'PATCH',
        json: { version: 3 },
      })
      assert.equal(empty.status, 400)
    })

    test('a new action direction can be added during implementation, by the office only', async () => {
      const direction = {
        key: 'direction-5i',
        kind: 'direction',
        code: '5i',
        parent: 'directions-5',
        title: { ro: 'Indicatori publicați ca date deschise', en: 'KPIs published as open data' },
        summary: { ro: 'Toți indicatorii strategiei sunt date deschise.', en: 'Every KPI is open data.' },
        note: 'Adăugat în implementare',
      }
      const anonymous = await fetch(`${server.url}/api/strategy/elements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(direction),
      })
      assert.equal(anonymous.status, 401)
      const citizen = await server.signedIn('ana@cluj-napoca.example')
      assert.equal(
        (await citizen.request('/api/strategy/elements', { method: 'POST', json: direction })).status,
        403,
      )
      const orphan = await office.request('/api/strategy/elements', {
        method: 'POST',
        json: { ...direction, parent: undefined },
      })
      assert.equal(orphan.status, 400)
      assert.equal(((await orphan.json()) as { code: string }).code, 'STRATEGY_PARENT_REQUIRED')
      const created = await office.request('/api/strategy/elements', { method: 'POST', json: direction })
      assert.equal(created.status, 201, await created.clone().text())
      const again = await office.request('/api/strategy/elements', { method: 'POST', json: direction })
      assert.equal(again.status, 409)
      const { elements } = await read<{ elements: Element[] }>('/api/strategy?kind=direction')
      assert.equal(elements.filter((element) => element.parent === 'directions-5').at(-1)?.code, '5i')
      const { items } = await office.json<{ items: { action: string; targetId: string }[] }>(
        '/api/audit?action=strategy.element.create',
      )
      assert.ok(items.some((entry) => entry.targetId === 'direction-5i'))
    })

    test('a retired element leaves the current strategy but not its past', async () => {
      const retired = await office.request('/api/strategy/elements/direction-5i', {
        method: 'PATCH',
        json: { version: 1, retired: true },
      })
      assert.equal(retired.status, 200)
      const now = await read<{ elements: Element[] }>('/api/strategy')
      assert.ok(!now.elements.some((element) => element.key === 'direction-5i'))
      const all = await read<{ elements: Element[] }>('/api/strategy?retired=true')
      assert.ok(all.elements.some((element) => element.key === 'direction-5i' && element.retired))
    })
  })
}
