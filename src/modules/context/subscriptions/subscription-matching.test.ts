import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { EntityChange } from '../events.ts'
import { coreTermMap } from '../json-ld/term-map.ts'
import { DEFAULT_VOCAB, type StoredEntity } from '../model.ts'
import { parseQ } from '../query/q-language.ts'
import { parseTypeExpression, type TypeExpression } from '../query/type-expression.ts'
import { notificationData } from './notification-content.ts'
import { TenantIndex } from './subscription-index.ts'
import { type LiveSubscription, matchesChange } from './subscription-matching.ts'
import { DEFAULT_TRIGGERS, type NotificationTrigger } from './subscription-model.ts'

const iri = (name: string) => `${DEFAULT_VOCAB}${name}`
const AT = '2025-11-18T08:30:00.000Z'
const ALL = { all: true } as const

function entity(id: string, type: string, attrs: Record<string, unknown>): StoredEntity {
  return {
    id,
    types: [iri(type)],
    attrs: Object.fromEntries(
      Object.entries(attrs).map(([name, value]) => [iri(name), [{ type: 'Property', value }]]),
    ),
    createdAt: AT,
    modifiedAt: AT,
  }
}

const created = (current: StoredEntity): EntityChange => ({
  kind: 'created',
  previous: null,
  current,
  changed: Object.keys(current.attrs),
})
const updated = (previous: StoredEntity, current: StoredEntity, changed: string[]): EntityChange => ({
  kind: 'updated',
  previous,
  current,
  changed: changed.map(iri),
})
const deleted = (previous: StoredEntity): EntityChange => ({
  kind: 'deleted',
  previous,
  current: null,
  changed: Object.keys(previous.attrs),
})

const expanded = (expression: TypeExpression): TypeExpression =>
  expression.kind === 'type'
    ? { kind: 'type', name: iri(expression.name) }
    : { kind: expression.kind, of: expression.of.map(expanded) }

function subscription(
  options: {
    id?: string
    type?: string
    idPattern?: string
    watched?: string[]
    triggers?: readonly NotificationTrigger[]
    q?: string
  } = {},
): LiveSubscription {
  const live: LiveSubscription = {
    tenant: '',
    id: options.id ?? 'urn:ngsi-ld:Subscription:test',
    readsAll: true,
    triggers: new Set(options.triggers ?? DEFAULT_TRIGGERS),
    throttlingMs: 0,
    expiresAt: undefined,
    definition: {
      notificationTrigger: [...(options.triggers ?? DEFAULT_TRIGGERS)],
      notification: {
        format: 'normalized',
        showChanges: false,
        sysAttrs: false,
        endpoint: { uri: 'http://example.org/notify', accept: 'application/json' },
      },
    },
    terms: coreTermMap,
    contextValue: undefined,
  }
  if (options.type !== undefined)
    live.selectors = [
      {
        type: expanded(parseTypeExpression(options.type)),
        ...(options.idPattern ? { idPattern: new RegExp(options.idPattern, 'u') } : {}),
      },
    ]
  if (options.watched) live.watched = new Set(options.watched.map(iri))
  if (options.q) live.q = { expression: parseQ(options.q), expand: (name) => coreTermMap.expand(name) }
  return live
}

describe('matching an entity change against a subscription', () => {
  const before = entity('urn:ngsi-ld:Lamp:1', 'Lamp', { brightness: 10, colour: 'warm' })
  const brighter = entity('urn:ngsi-ld:Lamp:1', 'Lamp', { brightness: 20, colour: 'warm' })
  const withoutColour = entity('urn:ngsi-ld:Lamp:1', 'Lamp', { brightness: 10 })
  const withSpeed = entity('urn:ngsi-ld:Lamp:1', 'Lamp', { brightness: 10, colour: 'warm', speed: 1 })

  test('5.2.12 each notificationTrigger hears its kind of change, and only that', () => {
    const changes: Record<string, EntityChange> = {
      created: created(before),
      updated: updated(before, brighter, ['brightness']),
      attributeCreated: updated(before, withSpeed, ['speed']),
      attributeDeleted: updated(before, withoutColour, ['colour']),
      deleted: deleted(before),
    }
    const expected: Record<NotificationTrigger, string[]> = {
      entityCreated: ['created'],
      entityUpdated: ['updated', 'attributeCreated', 'attributeDeleted'],
      entityDeleted: ['deleted'],
      attributeCreated: ['created', 'attributeCreated'],
      attributeUpdated: ['updated'],
      attributeDeleted: ['attributeDeleted'],
    }
    for (const [trigger, heard] of Object.entries(expected)) {
      const live = subscription({ type: 'Lamp', triggers: [trigger as NotificationTrigger] })
      const matched = Object.entries(changes)
        .filter(([, change]) => matchesChange(live, change, ALL))
        .map(([name]) => name)
      assert.deepEqual(matched, heard, trigger)
    }
  })

  test('5.2.12 watchedAttributes: a change of other attributes is not heard', () => {
    const live = subscription({ type: 'Lamp', watched: ['brightness'] })
    assert.equal(matchesChange(live, updated(before, brighter, ['brightness']), ALL), true)
    assert.equal(matchesChange(live, updated(before, before, ['colour']), ALL), false)
    assert.equal(matchesChange(live, created(entity('urn:x:2', 'Lamp', { colour: 'cold' })), ALL), false)
  })

  test('4.17 entity selectors: type expressions, idPattern; and q on the entity as it is now', () => {
    const both = { ...before, types: [iri('Lamp'), iri('Sensor')] }
    assert.equal(matchesChange(subscription({ type: 'Lamp;Sensor' }), created(both), ALL), true)
    assert.equal(matchesChange(subscription({ type: 'Lamp;Sensor' }), created(before), ALL), false)
    assert.equal(matchesChange(subscription({ type: 'Bench,(Lamp;Sensor)' }), created(both), ALL), true)
    assert.equal(matchesChange(subscription({ type: 'Lamp', idPattern: ':2$' }), created(before), ALL), false)
    assert.equal(
      matchesChange(subscription({ type: 'Lamp', q: 'brightness>15' }), created(before), ALL),
      false,
    )
    assert.equal(
      matchesChange(
        subscription({ type: 'Lamp', q: 'brightness>15' }),
        updated(before, brighter, ['brightness']),
        ALL,
      ),
      true,
    )
  })

  test('the owner’s read scope: entities of types they may not read are not heard', () => {
    const live = subscription({ type: 'Lamp' })
    assert.equal(matchesChange(live, created(before), { all: false, types: [iri('Bench')] }), false)
    assert.equal(matchesChange(live, created(before), { all: false, types: [iri('Lamp')] }), true)
  })

  test('the index gives a change only the subscriptions filed under its types, and those without entities', () => {
    const lamps = subscription({ id: 'urn:s:lamps', type: 'Lamp' })
    const benches = subscription({ id: 'urn:s:benches', type: 'Bench,Kiosk' })
    const anything = subscription({ id: 'urn:s:any', watched: ['brightness'] })
    const index = new TenantIndex([lamps, benches, anything])
    assert.deepEqual(
      index.candidates([iri('Lamp')]).map((item) => item.id),
      ['urn:s:any', 'urn:s:lamps'],
    )
    assert.deepEqual(
      index.candidates([iri('Kiosk')]).map((item) => item.id),
      ['urn:s:any', 'urn:s:benches'],
    )
  })

  test('a thousand changes against a hundred subscriptions are matched in memory in well under a second', () => {
    const subscriptions = Array.from({ length: 100 }, (_, index) =>
      subscription({ id: `urn:s:${index}`, type: `Type${index % 10}`, q: `brightness>${index}` }),
    )
    const index = new TenantIndex(subscriptions)
    const changes = Array.from({ length: 1_000 }, (_, n) =>
      updated(
        entity(`urn:e:${n}`, `Type${n % 10}`, { brightness: n % 100 }),
        entity(`urn:e:${n}`, `Type${n % 10}`, { brightness: (n + 1) % 100 }),
        ['brightness'],
      ),
    )
    const started = performance.now()
    let matched = 0
    for (const change of changes)
      for (const live of index.candidates((change.current as StoredEntity).types))
        if (matchesChange(live, change, ALL)) matched++
    const elapsed = performance.now() - started
    assert.ok(matched > 0)
    // Generous for a shared machine; it takes a few milliseconds.
    assert.ok(elapsed < 1_000, `${elapsed} ms`)
  })
})

describe('what a notification says about a change', () => {
  test('5.2.14 a deleted attribute reads as NGSI-LD null with deletedAt; showChanges adds the previous value', () => {
    const live = subscription({ type: 'Lamp', triggers: ['attributeDeleted', 'attributeUpdated'] })
    live.definition.notification.showChanges = true
    const before = entity('urn:ngsi-ld:Lamp:1', 'Lamp', { brightness: 10, colour: 'warm' })
    const after = entity('urn:ngsi-ld:Lamp:1', 'Lamp', { brightness: 20 })
    const data = notificationData(live, [updated(before, after, ['brightness', 'colour'])], AT)
    assert.deepEqual(data, [
      {
        id: 'urn:ngsi-ld:Lamp:1',
        type: 'Lamp',
        brightness: { type: 'Property', value: 20, previousValue: 10 },
        colour: { type: 'Property', value: 'urn:ngsi-ld:null', deletedAt: AT, previousValue: 'warm' },
      },
    ])
  })

  test('5.3.1 a deleted entity is its id, type and deletedAt; geo+json makes a FeatureCollection', () => {
    const live = subscription({ type: 'Lamp', triggers: ['entityDeleted'] })
    const gone = entity('urn:ngsi-ld:Lamp:1', 'Lamp', { brightness: 10 })
    assert.deepEqual(notificationData(live, [deleted(gone)], AT), [
      { id: 'urn:ngsi-ld:Lamp:1', type: 'Lamp', deletedAt: AT },
    ])
    live.definition.notification.endpoint.accept = 'application/geo+json'
    const located = {
      ...gone,
      attrs: {
        ...gone.attrs,
        'https://uri.etsi.org/ngsi-ld/location': [
          { type: 'GeoProperty' as const, value: { type: 'Point', coordinates: [23.59, 46.77] } },
        ],
      },
    }
    const collection = notificationData(live, [created(located)], AT) as {
      type: string
      features: { id: string; type: string; geometry: unknown; properties: Record<string, unknown> }[]
    }
    assert.equal(collection.type, 'FeatureCollection')
    assert.deepEqual(collection.features[0]?.geometry, { type: 'Point', coordinates: [23.59, 46.77] })
    assert.equal(collection.features[0]?.id, 'urn:ngsi-ld:Lamp:1')
    assert.deepEqual(collection.features[0]?.properties.brightness, { type: 'Property', value: 10 })
  })
})
