import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { Done } from '../../components/done.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useResource } from '../../use-resource.ts'
import {
  type Column,
  type ColumnType,
  type Dataset,
  datasetPath,
  getDataset,
  getLoad,
  type Load,
  uploadFile,
} from './catalog-api.ts'
import { COLUMN_TYPES } from './column-types.ts'
import { DataPage, Pending, ProblemAlert, ScrollRegion } from './parts.tsx'
import { mayPublishFor, usePublisherAccess } from './publisher-access.ts'
import { useDataWords } from './words.ts'

/** How often the load's progress is asked for while it runs. */
const POLL_EVERY = 500
/** Sample rows shown under the column types. */
const SAMPLE_ROWS = 10

/** /data/:name/upload — a file sent with progress, its inferred column types reviewed, then loaded. */
export function UploadPage() {
  const { name = '' } = useParams()
  const { t, text } = useDataWords()
  const access = usePublisherAccess()
  const load = useCallback((signal: AbortSignal) => getDataset(name, signal), [name])
  const [dataset, reload] = useResource(load)
  const back = { to: datasetPath.page(name), label: t('form.backToDataset') }

  if (dataset.status !== 'ready')
    return (
      <DataPage title={t('upload.title')} back={back}>
        <Pending resource={dataset} onRetry={() => void reload()} />
      </DataPage>
    )
  return (
    <DataPage
      title={t('upload.titleNamed', { title: text(dataset.data.title) })}
      back={back}
      lead={t('upload.lead')}
    >
      {mayPublishFor(access, dataset.data.organisation.slug) ? (
        <Upload dataset={dataset.data} />
      ) : (
        <p className="problem" role="alert">
          {t('form.notYours')}
        </p>
      )}
    </DataPage>
  )
}

type Step =
  | { name: 'choose' }
  | { name: 'sending'; sent: number; total: number }
  | { name: 'review'; preview: Load; title: string }
  | { name: 'loading'; progress: Load | null; loadId: string }

function Upload({ dataset }: { dataset: Dataset }) {
  const { t, text, formats, bytes } = useDataWords()
  const id = useId()
  const [params] = useSearchParams()
  const replacing = dataset.resources.find((resource) => resource.id === params.get('resource'))
  const { state, send } = useSession()
  const { busy, error, run, setError } = useAction()
  const [step, setStep] = useState<Step>({ name: 'choose' })
  const [columns, setColumns] = useState<Column[]>([])
  const sending = useRef<AbortController | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => () => sending.current?.abort(), [])
  // Each next step's heading takes the focus, so a screen reader follows from one step to the next.
  const firstStep = useRef(true)
  useEffect(() => {
    if (step.name === 'sending') return
    if (firstStep.current) firstStep.current = false
    else heading.current?.focus()
  }, [step.name])

  const choose = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const fields = new FormData(event.currentTarget)
    const file = fields.get('file')
    if (!(file instanceof File) || file.size === 0) {
      setError(new Error(t('upload.chooseFirst')))
      return
    }
    const title = String(fields.get('title') ?? '').trim() || file.name
    const controller = new AbortController()
    sending.current = controller
    setStep({ name: 'sending', sent: 0, total: file.size })
    const csrf = state.status === 'signed-in' ? state.csrfToken : undefined
    const ok = await run(async () => {
      const preview = await uploadFile(
        dataset.name,
        file,
        csrf,
        (sent, total) => setStep({ name: 'sending', sent, total }),
        controller.signal,
      )
      setColumns(preview.columns.map(({ name, type }) => ({ name, type })))
      setStep({ name: 'review', preview, title })
    })
    if (!ok) setStep({ name: 'choose' })
  }

  const start = async (loadId: string, title: string) => {
    const ok = await run(async () => {
      await send(`/api/catalog/loads/${encodeURIComponent(loadId)}/start`, 'POST', {
        columns,
        ...(replacing ? { resourceId: replacing.id } : { resourceTitle: title.slice(0, 200) }),
      })
    })
    if (ok) setStep({ name: 'loading', progress: null, loadId })
  }

  const loadId = step.name === 'loading' ? step.loadId : null
  const finished = step.name === 'loading' && step.progress !== null && isFinished(step.progress)
  useEffect(() => {
    if (!loadId || finished) return
    const controller = new AbortController()
    const timer = setInterval(() => {
      getLoad(loadId, controller.signal)
        .then((progress) => setStep({ name: 'loading', progress, loadId }))
        .catch((failure: unknown) => {
          if (!controller.signal.aborted) setError(failure)
        })
    }, POLL_EVERY)
    return () => {
      clearInterval(timer)
      controller.abort()
    }
  }, [loadId, finished, setError])

  if (step.name === 'choose' || step.name === 'sending')
    return (
      <form className="upload" onSubmit={(event) => void choose(event)} aria-labelledby={`${id}-choose`}>
        <h2 id={`${id}-choose`} ref={heading} tabIndex={-1}>
          {t('upload.chooseHeading')}
        </h2>
        {replacing && <p>{t('upload.replacing', { title: text(replacing.title) })}</p>}
        <LabelledField label={t('upload.file')} hint={t('upload.fileHint')}>
          {(control) => (
            <input
              {...control}
              type="file"
              name="file"
              required
              accept=".csv,.tsv,.txt,.json,.geojson,text/csv,application/json,application/geo+json"
            />
          )}
        </LabelledField>
        {!replacing && (
          <LabelledField label={t('upload.resourceTitle')} hint={t('upload.resourceTitleHint')}>
            {(control) => <input {...control} name="title" maxLength={300} />}
          </LabelledField>
        )}
        <ProblemAlert error={error} lead={t('upload.failed')} />
        <div className="actions">
          <button type="submit" disabled={step.name === 'sending'}>
            {t('upload.send')}
          </button>
        </div>
        {/* Not a live region: the bar changes many times a second; the next step's heading takes the focus. */}
        {step.name === 'sending' && (
          <div className="progress">
            <label htmlFor={`${id}-sent`}>{t('upload.sending')}</label>
            <progress id={`${id}-sent`} max={step.total || 1} value={step.sent} />
            <span>
              {t('upload.sent', {
                sent: bytes(step.sent),
                total: bytes(step.total),
                percent: formats.percent.format(step.total ? step.sent / step.total : 0),
              })}
            </span>
          </div>
        )}
      </form>
    )

  if (step.name === 'review') {
    const { preview } = step
    return (
      <section className="upload" aria-labelledby={`${id}-review`}>
        <h2 id={`${id}-review`} ref={heading} tabIndex={-1}>
          {t('upload.reviewHeading')}
        </h2>
        <p>
          {t('upload.detected', { encoding: preview.encoding })}
          {preview.delimiter
            ? ` ${t('upload.delimiter', { delimiter: delimiterName(preview.delimiter, t) })}`
            : ''}
        </p>
        <p>{t('upload.reviewHint')}</p>
        <ScrollRegion labelledBy={`${id}-review`} className="table-scroll">
          <table className="data-table column-review">
            <thead>
              <tr>
                <th scope="col">{t('upload.column')}</th>
                <th scope="col">{t('upload.type')}</th>
                <th scope="col">{t('upload.examples')}</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((column, index) => (
                <tr key={column.name}>
                  <th scope="row">
                    <code>{column.name}</code>
                  </th>
                  <td>
                    <select
                      aria-label={t('upload.typeOf', { column: column.name })}
                      value={column.type}
                      onChange={(event) =>
                        setColumns(
                          columns.map((item, at) =>
                            at === index ? { ...item, type: event.target.value as ColumnType } : item,
                          ),
                        )
                      }
                    >
                      {COLUMN_TYPES.map((type) => (
                        <option key={type} value={type}>
                          {t(`types.${type}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="column-review__examples">
                    {preview.rows
                      .slice(0, 3)
                      .map((row) => row[index])
                      .filter((value) => value !== null && value !== undefined && value !== '')
                      .map(String)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>

        <h3 id={`${id}-sample`}>
          {t('upload.sample', { count: Math.min(SAMPLE_ROWS, preview.rows.length) })}
        </h3>
        <ScrollRegion labelledBy={`${id}-sample`} className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                {preview.columns.map((column) => (
                  <th key={column.name} scope="col">
                    {column.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.slice(0, SAMPLE_ROWS).map((row, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity but their place
                <tr key={index}>
                  {preview.columns.map((column, at) => (
                    <td key={column.name}>
                      {row[at] === null || row[at] === undefined ? '' : String(row[at])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <ProblemAlert error={error} lead={t('upload.startFailed')} />
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void start(preview.id, step.title)}>
            {t('upload.load', { count: columns.length })}
          </button>
          <button
            type="button"
            className="button--secondary"
            disabled={busy}
            onClick={() => {
              setError(null)
              setStep({ name: 'choose' })
            }}
          >
            {t('upload.another')}
          </button>
        </div>
      </section>
    )
  }

  const { progress } = step
  return (
    <section className="upload" aria-labelledby={`${id}-load`}>
      <h2 id={`${id}-load`} ref={heading} tabIndex={-1}>
        {t('upload.loadHeading')}
      </h2>
      <div className="progress">
        <label htmlFor={`${id}-read`}>{t('upload.reading')}</label>
        <progress
          id={`${id}-read`}
          max={progress?.progress.bytesTotal || 1}
          value={
            progress
              ? progress.status === 'loaded'
                ? progress.progress.bytesTotal || 1
                : progress.progress.bytesRead
              : undefined
          }
        />
        <span>
          {progress
            ? t('upload.rowsRead', { rows: formats.integer.format(progress.progress.rows) })
            : t('upload.starting')}
        </span>
      </div>
      <div role="status">
        {progress?.status === 'loaded' && progress.errorCount === 0 && (
          <Done>{t('upload.loaded', { rows: formats.integer.format(progress.progress.rows) })}</Done>
        )}
        {progress && progress.errorCount > 0 && (
          <p className="problem__lead">
            {progress.status === 'loaded'
              ? t('upload.loadedWithErrors', { count: formats.integer.format(progress.errorCount) })
              : t('upload.loadFailed', { count: formats.integer.format(progress.errorCount) })}
          </p>
        )}
      </div>
      {progress && progress.errorCount > 0 && (
        <div className="problem">
          <ul className="load-errors">
            {progress.errors.map((failure) => (
              <li key={`${failure.line}-${failure.column ?? ''}-${failure.reason}`}>
                <strong>{t('upload.line', { line: formats.integer.format(failure.line) })}</strong>{' '}
                {failure.column && <code>{failure.column}</code>} {failure.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {progress?.status === 'failed' && progress.errorCount === 0 && (
        <p className="problem" role="alert">
          {t('upload.failedPlain')}
        </p>
      )}
      <ProblemAlert error={error} lead={t('upload.progressFailed')} />
      {progress && isFinished(progress) && (
        <div className="actions">
          <Link className="button-link" to={datasetPath.page(dataset.name)}>
            {t('upload.toDataset')}
          </Link>
          <button type="button" className="button--secondary" onClick={() => setStep({ name: 'choose' })}>
            {t('upload.another')}
          </button>
        </div>
      )}
    </section>
  )
}

const isFinished = (progress: Load) => progress.status === 'loaded' || progress.status === 'failed'

function delimiterName(delimiter: string, t: ReturnType<typeof useDataWords>['t']): string {
  if (delimiter === ',') return t('upload.delimiters.comma')
  if (delimiter === ';') return t('upload.delimiters.semicolon')
  if (delimiter === '\t') return t('upload.delimiters.tab')
  if (delimiter === '|') return t('upload.delimiters.pipe')
  return `«${delimiter}»`
}
