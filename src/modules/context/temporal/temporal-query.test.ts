import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { NgsiError } from '../errors.ts'
import { readDuration, readTemporalQuery, readTemporalView } from './temporal-query.ts'

const refused = (run: () => unknown, detail: RegExp) =>
  assert.throws(
    run,
    (error) => error instanceof NgsiError && error.type === 'BadRequestData' && detail.test(error.message),
  )

describe('temporal query parameters', () => {
  test('4.5.19 aggrPeriodDuration reads ISO 8601 durations into months, days and seconds', () => {
    assert.deepEqual(readDuration('PT1H'), { months: 0, days: 0, seconds: 3600 })
    assert.deepEqual(readDuration('P1D'), { months: 0, days: 1, seconds: 0 })
    assert.deepEqual(readDuration('P1M'), { months: 1, days: 0, seconds: 0 })
    assert.deepEqual(readDuration('P2W'), { months: 0, days: 14, seconds: 0 })
    assert.deepEqual(readDuration('P1Y2M3DT4H5M6.5S'), {
      months: 14,
      days: 3,
      seconds: 4 * 3600 + 5 * 60 + 6.5,
    })
    assert.deepEqual(readDuration('PT0S'), { months: 0, days: 0, seconds: 0 })
    for (const text of ['P', 'PT', 'P1DT', '1H', 'PT1.5H', 'P-1D', 'pt1h', 'P1H'])
      refused(() => readDuration(text), /ISO 8601 duration/)
  })

  test('4.5.19 a zero period means the whole time range', () => {
    const view = readTemporalView({
      options: 'aggregatedValues',
      aggrMethods: 'avg',
      aggrPeriodDuration: 'P0D',
    })
    assert.deepEqual(view.aggregation, { methods: ['avg'] })
    assert.equal(readTemporalView({}).format, 'normalized')
    assert.equal(readTemporalView({ options: 'temporalValues,sysAttrs' }).sysAttrs, true)
  })

  test('4.11 timerel, timeAt and endTimeAt go together', () => {
    assert.deepEqual(readTemporalQuery({ timerel: 'after', timeAt: '2026-01-01T00:00:00Z' }), {
      timerel: 'after',
      timeAt: '2026-01-01T00:00:00Z',
      timeproperty: 'observedAt',
    })
    assert.deepEqual(readTemporalQuery({ lastN: '5', timeproperty: 'modifiedAt' }), {
      timeproperty: 'modifiedAt',
      lastN: 5,
    })
    refused(() => readTemporalQuery({ timeAt: '2026-01-01T00:00:00Z' }), /needs "timerel"/)
    refused(() => readTemporalQuery({ endTimeAt: '2026-01-01T00:00:00Z' }), /needs "timerel"/)
    refused(() => readTemporalQuery({ timerel: 'between', timeAt: '2026-01-01T00:00:00Z' }), /endTimeAt/)
    refused(() => readTemporalQuery({ lastN: '1.5' }), /whole number/)
  })
})
