import { type FormEvent, useCallback, useId, useMemo, useRef, useState } from 'react'
import { Working } from '../../components/working.tsx'
import { useResource } from '../../use-resource.ts'
import { type Column, getRecords, type RecordsPage, type Resource } from './catalog-api.ts'
import { ColumnChart } from './column-chart.tsx'
import { isYearColumn } from './column-types.ts'
import { geoColumnsOf } from './geo-columns.ts'
import { ProblemAlert, ScrollRegion } from './parts.tsx'
import { RecordsMap } from './records-map.tsx'
import { type DataWords, useDataWords } from './words.ts'

const PAGE_SIZE = 25

type Sorting = { column: string; direction: 'asc' | 'desc' } | null
/** What the reader narrowed the table to: words anywhere in a row, and one column's exact value. */
export type Narrowing = { q: string; filters: Record<string, string> }

/** A cell as the reader reads it: numbers in their language's style, geometry by its kind. */
function cellText(value: unknown, column: Column, words: DataWords): string {
  if (value === null || value === undefined || value === '') return ''
  switch (column.type) {
    case 'integer':
    case 'number':
      return typeof value === 'number' && !isYearColumn(column)
        ? words.formats.number.format(value)
        : String(value)
    case 'boolean':
      return value === true ? words.t('preview.yes') : value === false ? words.t('preview.no') : String(value)
    case 'geometry':
      return typeof value === 'object' && value && 'type' in value ? String(value.type) : String(value)
    default:
      return String(value)
  }
}

/**
 * A datastore table's rows, read page by page from the records API: sorted by a column's header
 * button, narrowed by words or a column's value (both done by the server). Under it, a chart of a
 * numeric column and a map when the rows have places.
 */
export function DatastorePreview({ resource }: { resource: Resource }) {
  const words = useDataWords()
  const { t, formats } = words
  const id = useId()
  const columns = resource.datastore?.columns ?? []
  const [sorting, setSorting] = useState<Sorting>(null)
  const [narrowing, setNarrowing] = useState<Narrowing>({ q: '', filters: {} })
  const [offset, setOffset] = useState(0)
  const form = useRef<HTMLFormElement>(null)

  const load = useCallback(
    (signal: AbortSignal) =>
      getRecords(
        resource.id,
        {
          sort: sorting ? `${sorting.column} ${sorting.direction}` : undefined,
          q: narrowing.q,
          filters: narrowing.filters,
          limit: PAGE_SIZE,
          offset,
        },
        signal,
      ),
    [resource.id, sorting, narrowing, offset],
  )
  const [page, reload] = useResource(load, 'always')
  const last = useRef<RecordsPage | null>(null)
  if (page.status === 'ready') last.current = page.data
  const data = page.status === 'ready' ? page.data : last.current

  const sortBy = (column: string) => {
    setOffset(0)
    setSorting((current) =>
      current?.column === column
        ? current.direction === 'asc'
          ? { column, direction: 'desc' }
          : null
        : { column, direction: 'asc' },
    )
  }

  const narrow = (event: FormEvent) => {
    event.preventDefault()
    const fields = new FormData(event.currentTarget as HTMLFormElement)
    const column = String(fields.get('column') ?? '')
    const value = String(fields.get('value') ?? '').trim()
    setOffset(0)
    setNarrowing({
      q: String(fields.get('q') ?? '').trim(),
      filters: column && value ? { [column]: value } : {},
    })
  }
  const clear = () => {
    form.current?.reset()
    setOffset(0)
    setNarrowing({ q: '', filters: {} })
  }

  const filterable = columns.filter((column) => column.type !== 'geometry')
  const geo = useMemo(() => geoColumnsOf(columns), [columns])
  const numeric = columns.filter((column) => column.type === 'integer' || column.type === 'number')
  const narrowed = narrowing.q !== '' || Object.keys(narrowing.filters).length > 0
  const total = data?.total ?? 0
  const to = Math.min(offset + PAGE_SIZE, total)

  return (
    <div className="preview">
      <form ref={form} className="preview__narrow" onSubmit={narrow} aria-labelledby={`${id}-narrow`}>
        <h3 id={`${id}-narrow`}>{t('preview.narrow')}</h3>
        <div className="preview__fields">
          <div className="field">
            <label htmlFor={`${id}-q`}>{t('preview.words')}</label>
            <input id={`${id}-q`} name="q" type="search" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-column`}>{t('preview.column')}</label>
            <select id={`${id}-column`} name="column" defaultValue="">
              <option value="">{t('preview.anyColumn')}</option>
              {filterable.map((column) => (
                <option key={column.name} value={column.name}>
                  {column.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-value`}>{t('preview.equals')}</label>
            <input id={`${id}-value`} name="value" type="text" />
          </div>
        </div>
        <div className="actions">
          <button type="submit">{t('preview.apply')}</button>
          {narrowed && (
            <button type="button" className="button--secondary" onClick={clear}>
              {t('preview.clear')}
            </button>
          )}
        </div>
      </form>

      <p className="preview__status" role="status">
        {data &&
          (total === 0
            ? t('preview.noRows')
            : t('preview.showing', {
                from: formats.integer.format(offset + 1),
                to: formats.integer.format(to),
                total: formats.integer.format(total),
              }))}
      </p>
      {page.status === 'loading' && <Working quiet>{t('common.loading')}</Working>}
      {page.status === 'error' && (
        <ProblemAlert error={page.error} lead={t('preview.failed')} onRetry={() => void reload()} />
      )}

      {data && data.records.length > 0 && (
        <ScrollRegion labelledBy={`${id}-caption`} className="table-scroll preview__table">
          <table className="data-table">
            <caption id={`${id}-caption`} className="visually-hidden">
              {t('preview.caption', { total: formats.integer.format(total) })}
            </caption>
            <thead>
              <tr>
                {columns.map((column) => {
                  const sorted = sorting?.column === column.name ? sorting.direction : undefined
                  return (
                    <th
                      key={column.name}
                      scope="col"
                      aria-sort={
                        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                      }
                      className={
                        column.type === 'integer' || column.type === 'number' ? 'numeric' : undefined
                      }
                    >
                      {column.type === 'geometry' ? (
                        column.name
                      ) : (
                        <button type="button" className="sort" onClick={() => sortBy(column.name)}>
                          {column.name}
                          <span className="sort__mark" aria-hidden="true">
                            {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ↕'}
                          </span>
                        </button>
                      )}
                    </th>
                  )
                })}
              </tr>
            </thead>
            <tbody>
              {data.records.map((record, index) => (
                <tr key={String(record._id ?? index)}>
                  {columns.map((column) => (
                    <td
                      key={column.name}
                      className={
                        column.type === 'integer' || column.type === 'number' ? 'numeric' : undefined
                      }
                    >
                      {cellText(record[column.name], column, words)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {data && total > PAGE_SIZE && (
        <nav className="pager" aria-label={t('preview.pages')}>
          <button
            type="button"
            className="button--secondary"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            {t('preview.previous')}
          </button>
          <button
            type="button"
            className="button--secondary"
            disabled={to >= total}
            onClick={() => setOffset(offset + PAGE_SIZE)}
          >
            {t('preview.next')}
          </button>
        </nav>
      )}

      {numeric.length > 0 && <ColumnChart resource={resource} columns={columns} narrowing={narrowing} />}
      {geo && <RecordsMap resource={resource} geo={geo} narrowing={narrowing} />}
    </div>
  )
}
