import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { addPeriods, dueBy, periodStart } from './periods.ts'
import { type Goal, MAX_SCORE, projectedValue, rollUp, score, status, trend } from './scores.ts'

const higher: Goal = { direction: 'higher', baseline: null, target: { value: 100, date: '2027-12-31' } }
const lower: Goal = { direction: 'lower', baseline: null, target: { value: 10, date: '2027-12-31' } }

describe('CityScore-style scores', () => {
  it('is value ÷ target where higher is better, target ÷ value where lower is', () => {
    assert.equal(score(higher, 50), 0.5)
    assert.equal(score(higher, 100), 1)
    assert.equal(score(lower, 20), 0.5)
    assert.equal(score(lower, 5), 2)
  })

  it('caps a score far past its target, and scores zero-targets where lower is better', () => {
    assert.equal(score(higher, 1000), MAX_SCORE)
    assert.equal(score(lower, 0), MAX_SCORE)
    const none: Goal = { direction: 'lower', baseline: null, target: { value: 0, date: '2027-12-31' } }
    assert.equal(score(none, 0), 1)
    assert.equal(score(none, 3), 0.25)
  })

  it('has no score without a value or a target', () => {
    assert.equal(score(higher, null), null)
    assert.equal(score({ ...higher, target: null }, 5), null)
  })

  it('rolls up as the mean of the known scores', () => {
    assert.equal(rollUp([0.5, 1, null, 1.5]), 1)
    assert.equal(rollUp([null]), null)
  })
})

describe('status and trend', () => {
  const today = '2026-11-23'

  it('is met when the latest value reaches the target', () => {
    assert.equal(status(higher, [{ period: '2026-10-01', value: 120 }], today), 'met')
    assert.equal(status(lower, [{ period: '2026-10-01', value: 9 }], today), 'met')
  })

  it('projects the trend to the target date: on track or at risk', () => {
    const rising = [
      { period: '2026-01-01', value: 10 },
      { period: '2026-07-01', value: 50 },
    ]
    assert.equal(status(higher, rising, today), 'on_track')
    const slow = [
      { period: '2026-01-01', value: 10 },
      { period: '2026-07-01', value: 12 },
    ]
    assert.equal(status(higher, slow, today), 'at_risk')
    assert.ok((projectedValue(higher, slow) ?? 0) < 100)
  })

  it('draws the trend from the baseline when there is one value', () => {
    const withBaseline: Goal = { ...higher, baseline: { value: 0, date: '2025-01-01' } }
    assert.equal(status(withBaseline, [{ period: '2026-01-01', value: 40 }], today), 'on_track')
    assert.equal(status(higher, [{ period: '2026-01-01', value: 40 }], today), 'unknown')
  })

  it('is missed after the target date', () => {
    const past: Goal = { ...higher, target: { value: 100, date: '2026-01-01' } }
    assert.equal(status(past, [{ period: '2026-06-01', value: 40 }], today), 'missed')
  })

  it('tells improving from worsening by the direction', () => {
    const series = [
      { period: '2026-09-01', value: 5 },
      { period: '2026-10-01', value: 7 },
    ]
    assert.equal(trend(higher, series), 'improving')
    assert.equal(trend(lower, series), 'worsening')
    assert.equal(trend(higher, series.slice(1)), null)
  })
})

describe('periods', () => {
  const moment = new Date('2026-11-23T10:00:00Z')

  it('starts each period on its first day (weeks on Monday)', () => {
    assert.equal(periodStart('daily', moment), '2026-11-23')
    assert.equal(periodStart('weekly', new Date('2026-11-29T23:00:00Z')), '2026-11-23')
    assert.equal(periodStart('monthly', moment), '2026-11-01')
    assert.equal(periodStart('quarterly', moment), '2026-10-01')
    assert.equal(periodStart('yearly', moment), '2026-01-01')
  })

  it('adds periods across year ends', () => {
    assert.equal(addPeriods('monthly', '2026-11-01', 2), '2027-01-01')
    assert.equal(addPeriods('quarterly', '2026-10-01', 1), '2027-01-01')
    assert.equal(addPeriods('weekly', '2026-12-28', 1), '2027-01-04')
  })

  it('is due by the end of the period after the last one measured', () => {
    assert.equal(dueBy('monthly', '2026-10-01', moment), '2026-12-01')
    assert.equal(dueBy('yearly', null, moment), '2027-01-01')
  })
})
