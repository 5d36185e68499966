import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { CkanError } from './ckan-error.ts'
import { parseDatasetSort, parseSolr } from './solr-query.ts'

describe('CKAN package_search q and fq (Solr syntax)', () => {
  test('words and phrases become search words; field clauses become filters', () => {
    const search = parseSolr('aer "calitatea aerului" tags:senzori +organization:primaria-cluj-napoca', 'q')
    assert.deepEqual(search.words, ['aer', 'calitatea aerului'])
    assert.deepEqual(search.filters, { keyword: ['senzori'], organisation: ['primaria-cluj-napoca'] })
  })

  test('quoted values, groups with OR and AND between clauses, as CKAN front ends send them', () => {
    const search = parseSolr(
      'tags:"servicii publice" AND res_format:(CSV OR "GEOJSON") license_id:cc-by-4.0 groups:regi',
      'fq',
    )
    assert.deepEqual(search.filters, {
      keyword: ['servicii publice'],
      format: ['CSV', 'GEOJSON'],
      licence: ['cc-by-4.0'],
      theme: ['regi'],
    })
  })

  test('clauses every dataset satisfies change nothing; *:* matches all', () => {
    assert.deepEqual(parseSolr('*:* +dataset_type:dataset capacity:public', 'fq'), {
      words: [],
      filters: {},
      matchesNothing: false,
    })
    assert.equal(parseSolr('dataset_type:harvest', 'fq').matchesNothing, true)
  })

  test('two organisations required together match nothing; fq adds to q', () => {
    const search = parseSolr('organization:a', 'q')
    parseSolr('organization:b', 'fq', search)
    assert.equal(search.matchesNothing, true)
  })

  test('what the search cannot honour is a Validation Error naming the parameter', () => {
    for (const [text, parameter] of [
      ['-tags:x', 'fq'],
      ['NOT tags:x', 'fq'],
      ['aer OR apa', 'q'],
      ['author:someone', 'fq'],
      ['tags:"open', 'q'],
      ['tags:(a AND b)', 'fq'],
      ['tags:(a', 'fq'],
      ['tags:a tags:b', 'fq'],
      ['tags:', 'fq'],
    ] as const) {
      assert.throws(
        () => parseSolr(text, parameter),
        (error: unknown) =>
          error instanceof CkanError && error.type === 'Validation Error' && parameter in error.fields,
        text,
      )
    }
  })

  test('any text either parses or is a Validation Error, never another failure', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        try {
          parseSolr(text, 'q')
        } catch (error) {
          assert.ok(error instanceof CkanError, String(error))
        }
      }),
      { numRuns: 2000 },
    )
  })

  test('sort: relevance, modification, creation, title and name', () => {
    assert.deepEqual(parseDatasetSort(undefined), { by: 'relevance', direction: 'desc' })
    assert.deepEqual(parseDatasetSort('metadata_modified desc'), { by: 'modified', direction: 'desc' })
    assert.deepEqual(parseDatasetSort('title_string asc'), { by: 'title', direction: 'asc' })
    assert.deepEqual(parseDatasetSort('name'), { by: 'name', direction: 'asc' })
    assert.deepEqual(parseDatasetSort('metadata_created desc, name asc'), {
      by: 'created',
      direction: 'desc',
    })
    assert.throws(() => parseDatasetSort('views_recent desc'), CkanError)
    assert.throws(() => parseDatasetSort('name sideways'), CkanError)
  })
})
