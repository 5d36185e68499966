import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createEventBus } from './event-bus.ts'

declare module './event-bus.ts' {
  interface CetateEvents {
    TestReported: { id: number }
  }
}

test('handlers receive events after the emitter moved on, and a failing one harms no other', async () => {
  const errors: string[] = []
  const bus = createEventBus((name, error) => errors.push(`${name}: ${(error as Error).message}`))
  const seen: number[] = []
  bus.on('TestReported', () => {
    throw new Error('listener broke')
  })
  bus.on('TestReported', async ({ id }) => {
    seen.push(id)
  })
  bus.emit('TestReported', { id: 7 })
  assert.deepEqual(seen, [], 'emit does not wait for handlers')
  await bus.settle()
  assert.deepEqual(seen, [7])
  assert.deepEqual(errors, ['TestReported: listener broke'])
})

test('a handler stops receiving after it unsubscribes', async () => {
  const bus = createEventBus(() => {})
  let count = 0
  const off = bus.on('TestReported', () => void count++)
  bus.emit('TestReported', { id: 1 })
  off()
  bus.emit('TestReported', { id: 2 })
  await bus.settle()
  assert.equal(count, 1)
})
