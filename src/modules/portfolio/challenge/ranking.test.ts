import assert from 'node:assert/strict'
import { test } from 'node:test'
import { rank } from './ranking.ts'

const criteria = [
  { key: 'impact', title: { ro: 'Impact' }, weight: 60 },
  { key: 'cost', title: { ro: 'Cost' }, weight: 40 },
]
const candidate = (id: string, minute: number) => ({
  id,
  createdAt: new Date(Date.UTC(2031, 4, 1, 10, minute)),
})
const score = (submission: string, person: string, criterion: string, value: number) => ({
  submission_id: submission,
  person_id: person,
  criterion,
  score: value,
})

test('weighted score per juror, mean over jurors, conflicts and unknown criteria ignored', () => {
  const ranked = rank(
    criteria,
    [candidate('a', 1), candidate('b', 2)],
    [
      // a: juror 1 → 7.5×0.6 + 5×0.4 = 6.5; juror 2 → 9×0.6 + 8×0.4 = 8.6; mean 7.55
      score('a', 'j1', 'impact', 7.5),
      score('a', 'j1', 'cost', 5),
      score('a', 'j2', 'impact', 9),
      score('a', 'j2', 'cost', 8),
      score('a', 'j2', 'retired', 10),
      // b: juror 1 → 10; juror 3 is conflicted and does not count
      score('b', 'j1', 'impact', 10),
      score('b', 'j1', 'cost', 10),
      score('b', 'j3', 'impact', 0),
      score('b', 'j3', 'cost', 0),
    ],
    new Set(['b|j3']),
    new Map(),
  )
  assert.deepEqual(ranked, [
    { submissionId: 'b', juryScore: 10, jurors: 1, votes: 0 },
    { submissionId: 'a', juryScore: 7.55, jurors: 2, votes: 0 },
  ])
})

test('an unscored criterion counts 0; thirds stay exact in comparison', () => {
  const ranked = rank(
    criteria,
    [candidate('a', 1), candidate('b', 2)],
    [
      score('a', 'j1', 'impact', 10),
      // b: impact only, 6, 7 and 7 → 3.6, 4.2, 4.2 → mean 4
      score('b', 'j1', 'impact', 6),
      score('b', 'j2', 'impact', 7),
      score('b', 'j3', 'impact', 7),
    ],
    new Set(),
    new Map(),
  )
  assert.deepEqual(
    ranked.map((entry) => [entry.submissionId, entry.juryScore]),
    [
      ['a', 6],
      ['b', 4],
    ],
  )
})

test('ties go to public votes, then to the earlier submission; unscored submissions come last', () => {
  const ranked = rank(
    criteria,
    [candidate('late', 9), candidate('early', 3), candidate('voted', 5), candidate('unscored', 0)],
    [
      score('late', 'j1', 'impact', 5),
      score('late', 'j1', 'cost', 5),
      score('early', 'j1', 'impact', 5),
      score('early', 'j1', 'cost', 5),
      score('voted', 'j1', 'impact', 5),
      score('voted', 'j1', 'cost', 5),
    ],
    new Set(),
    new Map([
      ['voted', 3],
      ['unscored', 50],
    ]),
  )
  assert.deepEqual(
    ranked.map((entry) => [entry.submissionId, entry.juryScore, entry.votes]),
    [
      ['voted', 5, 3],
      ['early', 5, 0],
      ['late', 5, 0],
      ['unscored', null, 50],
    ],
  )
})
