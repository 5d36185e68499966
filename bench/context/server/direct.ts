import { runBatch } from '../../../src/modules/context/batch.ts'
import { readInstance } from '../../../src/modules/context/entity-input.ts'
import { queryEntities } from '../../../src/modules/context/query/entity-query.ts'
import { patchEntityAttribute } from '../../../src/modules/context/service.ts'
import { findEntity } from '../../../src/modules/context/store.ts'
import { hashSecret } from '../../../src/modules/identity/secrets.ts'
import { selectUsableKey, touchApiKey } from '../../../src/modules/identity/store/api-keys.ts'
import { airQualityCount, airQualityId, entityId, makeEntities, round } from '../entities.ts'
import type { DirectResult } from '../messages.ts'
import { BATCH } from '../workload.ts'
import { type Broker, brokerDb, queryFilter, queryPage } from './broker.ts'
import { timedLoops } from './timed-loops.ts'

/** What a request does, run in the server process without HTTP: where the time goes besides HTTP. */
export function runDirect(broker: Broker, args: Record<string, unknown>): Promise<DirectResult> {
  const seconds = Number(args.seconds)
  const concurrency = Number(args.concurrency)
  const db = brokerDb(broker)
  const context = broker.server.cetate.context
  const { entities, terms } = broker
  const random = (count: number) => Math.floor(Math.random() * count)
  switch (args.what) {
    case 'auth': {
      const hash = hashSecret(broker.server.apiKey)
      return timedLoops(seconds, concurrency, async () => {
        const key = await selectUsableKey(db, hash)
        if (!key) throw new Error('The API key is not usable.')
        await touchApiKey(db, key.id)
        return 1
      })
    }
    case 'get':
      return timedLoops(seconds, concurrency, async () => {
        if (!(await findEntity(db, '', entityId(random(entities))))) throw new Error('Entity not found.')
        return 1
      })
    case 'query': {
      const filter = queryFilter()
      return timedLoops(seconds, concurrency, async () => {
        await queryEntities(db, '', filter, terms, { all: true }, queryPage)
        return 1
      })
    }
    case 'patch': {
      const iri = terms.expand('NO2')
      return timedLoops(seconds, concurrency, async () => {
        const instance = readInstance('NO2', { value: round(80 * Math.random(), 1) }, terms)
        await patchEntityAttribute(
          context,
          { tenant: '' },
          airQualityId(random(airQualityCount(entities))),
          iri,
          'NO2',
          instance,
        )
        return 1
      })
    }
    case 'upsert': {
      const batches = Math.ceil(entities / BATCH)
      const generation = Number(args.generation)
      return timedLoops(seconds, concurrency, async (i) => {
        const from = (i % batches) * BATCH
        const items = makeEntities(from, Math.min(entities, from + BATCH), generation)
        const result = await runBatch(context, '', items, async () => terms, 'upsert')
        if (result.errors.length > 0) throw new Error(JSON.stringify(result.errors[0]))
        return items.length
      })
    }
    default:
      throw new Error(`No direct operation ${String(args.what)}.`)
  }
}
