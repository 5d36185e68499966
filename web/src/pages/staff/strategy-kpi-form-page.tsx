import { type FormEvent, useCallback, useId, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { SubmitButton } from '../../components/form-field.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useResource } from '../../use-resource.ts'
import { LocalText } from '../strategy/local-text.tsx'
import { LocalizedFields, localizedOf } from '../strategy/localized-fields.tsx'
import { Pending } from '../strategy/pending.tsx'
import {
  type DatedValue,
  type Element,
  getElementsOfKind,
  getKpi,
  getMetrics,
  getOrganisations,
  type Kpi,
  type Localized,
  type Metric,
  type OrganisationSummary,
} from '../strategy/strategy-api.ts'
import { useStrategyWords } from '../strategy/strategy-words.ts'
import { StaffPage } from './parts.tsx'
import { kpiPagePath } from './strategy-management-page.tsx'

const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const

/** What the form needs besides the KPI: who may own it, what it may serve, what the platform measures. */
async function loadChoices(signal: AbortSignal) {
  const [organisations, objectives, transversal, coreProjects, metrics] = await Promise.all([
    getOrganisations(signal),
    getElementsOfKind('objective', signal),
    getElementsOfKind('transversal_objective', signal),
    getElementsOfKind('core_project', signal),
    getMetrics(signal),
  ])
  return {
    organisations: organisations.items,
    objectives: [...transversal.elements, ...objectives.elements],
    coreProjects: coreProjects.elements,
    metrics: metrics.items,
  }
}
type Choices = Awaited<ReturnType<typeof loadChoices>>

/** /staff/strategy/kpis/new and /staff/strategy/kpis/:slug/edit — a KPI's definition. */
export function StrategyKpiFormPage() {
  const { slug } = useParams()
  const { t } = useStrategyWords()
  const [choices, reloadChoices] = useResource(loadChoices)
  const loadKpi = useCallback(
    (signal: AbortSignal) =>
      slug ? getKpi(slug, signal).then((answer) => answer.kpi) : Promise.resolve(null),
    [slug],
  )
  const [kpi, reloadKpi] = useResource(loadKpi)
  const title = slug ? t('kpiForm.editTitle') : t('kpiForm.createTitle')
  return (
    <StaffPage
      title={title}
      lead={slug ? undefined : t('kpiForm.lead')}
      back={{ to: '/staff/strategy', label: t('kpiForm.back') }}
    >
      <Pending resource={choices} onRetry={() => void reloadChoices()} />
      <Pending resource={kpi} onRetry={() => void reloadKpi()} />
      {choices.status === 'ready' && kpi.status === 'ready' && (
        <KpiForm choices={choices.data} existing={kpi.data} />
      )}
    </StaffPage>
  )
}

/** A text left empty in every language is no text. */
const optionalText = (text: Localized) => (text.ro || text.en || text.hu ? text : null)

/** A baseline or target from its two fields: both or neither. */
function datedValue(fields: FormData, name: string): DatedValue | null | 'half' {
  const value = String(fields.get(`${name}.value`) ?? '').trim()
  const date = String(fields.get(`${name}.date`) ?? '').trim()
  if (!value && !date) return null
  if (!value || !date) return 'half'
  return { value: Number(value), date }
}

function KpiForm({ choices, existing }: { choices: Choices; existing: Kpi | null }) {
  const { t, formats, language } = useStrategyWords()
  const id = useId()
  const { send, state } = useSession()
  const navigate = useNavigate()
  const { busy, error, run, setError } = useAction()
  const [source, setSource] = useState<'metric' | 'manual'>(existing?.source ?? 'metric')
  const [metricName, setMetricName] = useState(existing?.metric ?? '')
  const [halfDated, setHalfDated] = useState<string | null>(null)
  const metric = choices.metrics.find((item) => item.name === metricName)
  const organisationName = (organisation: OrganisationSummary) =>
    organisation.names[language] ?? organisation.name
  const mine = state.status === 'signed-in' ? state.account.memberships.map((item) => item.organisation) : []
  const defaultOwner =
    existing?.owner.slug ?? choices.organisations.find((item) => mine.includes(item.slug))?.slug ?? ''
  const metricLabel = (item: Metric) =>
    `${item.description} (${item.value === null ? t('kpi.noValue') : `${formats.number.format(item.value)} ${item.unit}`})`

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const fields = new FormData(event.currentTarget)
    const value = (name: string) => String(fields.get(name) ?? '').trim()
    const baseline = datedValue(fields, 'baseline')
    const target = datedValue(fields, 'target')
    setHalfDated(null)
    if (baseline === 'half' || target === 'half') {
      setError(null)
      setHalfDated(t(baseline === 'half' ? 'kpiForm.baselineHalf' : 'kpiForm.targetHalf'))
      return
    }
    const definition = {
      name: localizedOf(fields, 'name'),
      description: localizedOf(fields, 'description'),
      unit: value('unit'),
      direction: value('direction'),
      frequency: value('frequency'),
      owner: value('owner'),
      objectives: fields.getAll('objectives').map(String),
      coreProjects: fields.getAll('coreProjects').map(String),
      isoTheme: value('isoTheme') || null,
      visibility: value('visibility'),
      metric: source === 'metric' ? value('metric') : null,
      sourceNote: optionalText(localizedOf(fields, 'sourceNote')),
      baseline,
      target,
    }
    await run(async () => {
      const saved = existing
        ? await send<Kpi>(`/api/strategy/kpis/${encodeURIComponent(existing.slug)}`, 'PATCH', {
            version: existing.version,
            ...definition,
          })
        : await send<Kpi>('/api/strategy/kpis', 'POST', definition)
      await navigate(kpiPagePath(saved.slug))
    })
  }

  return (
    <form
      className="strategy-form"
      onSubmit={(event) => void submit(event)}
      aria-describedby={`${id}-required`}
    >
      <p id={`${id}-required`} className="hint">
        {t('kpiForm.required')}
      </p>
      <LocalizedFields name="name" legend={t('kpiForm.name')} value={existing?.name} maxLength={200} />
      <LocalizedFields
        name="description"
        legend={t('kpiForm.description')}
        value={existing?.description}
        multiline
      />

      <fieldset>
        <legend>{t('kpiForm.measure')}</legend>
        <div className="form-row">
          <LabelledField label={t('kpiForm.unit')} hint={t('kpiForm.unitHint')}>
            {(control) => (
              <input {...control} name="unit" required maxLength={40} defaultValue={existing?.unit ?? ''} />
            )}
          </LabelledField>
          <LabelledField label={t('kpiForm.frequency')}>
            {(control) => (
              <select {...control} name="frequency" defaultValue={existing?.frequency ?? 'monthly'}>
                {FREQUENCIES.map((frequency) => (
                  <option key={frequency} value={frequency}>
                    {t(`frequencies.${frequency}`)}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
        </div>
        <fieldset>
          <legend>{t('kpiForm.direction')}</legend>
          {(['higher', 'lower'] as const).map((direction) => (
            <label key={direction} className="choice">
              <input
                type="radio"
                name="direction"
                value={direction}
                defaultChecked={(existing?.direction ?? 'higher') === direction}
              />
              {t(`kpiForm.directions.${direction}`)}
            </label>
          ))}
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>{t('kpiForm.source')}</legend>
        {(['metric', 'manual'] as const).map((choice) => (
          <label key={choice} className="choice">
            <input
              type="radio"
              name="source"
              value={choice}
              checked={source === choice}
              onChange={() => setSource(choice)}
            />
            {t(`kpiForm.sources.${choice}`)}
          </label>
        ))}
        {source === 'metric' && (
          <LabelledField
            label={t('kpiForm.metric')}
            hint={metric ? t('kpiForm.metricChosen', { name: metric.name }) : t('kpiForm.metricHint')}
          >
            {(control) => (
              <select
                {...control}
                name="metric"
                required
                value={metricName}
                onChange={(event) => setMetricName(event.target.value)}
              >
                <option value="">{t('kpiForm.metricNone')}</option>
                {choices.metrics.map((item) => (
                  <option key={item.name} value={item.name}>
                    {metricLabel(item)}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
        )}
        {source === 'manual' && <p className="hint">{t('kpiForm.manualHint')}</p>}
        <LocalizedFields
          name="sourceNote"
          legend={t('kpiForm.sourceNote')}
          value={existing?.sourceNote ?? undefined}
          multiline
          optional
        />
        <p className="hint">{t('kpiForm.sourceNoteHint')}</p>
      </fieldset>

      <fieldset>
        <legend>{t('kpiForm.goals')}</legend>
        {(['baseline', 'target'] as const).map((name) => (
          <fieldset key={name}>
            <legend>{t(`kpiForm.${name}`)}</legend>
            <div className="form-row">
              <LabelledField label={t('kpiForm.value')}>
                {(control) => (
                  <input
                    {...control}
                    name={`${name}.value`}
                    type="number"
                    step="any"
                    defaultValue={existing?.[name]?.value ?? ''}
                  />
                )}
              </LabelledField>
              <LabelledField label={t('kpiForm.date')}>
                {(control) => (
                  <input
                    {...control}
                    name={`${name}.date`}
                    type="date"
                    defaultValue={existing?.[name]?.date ?? ''}
                  />
                )}
              </LabelledField>
            </div>
          </fieldset>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('kpiForm.responsibility')}</legend>
        <LabelledField label={t('kpiForm.owner')}>
          {(control) => (
            <select {...control} name="owner" required defaultValue={defaultOwner}>
              {choices.organisations.map((organisation) => (
                <option key={organisation.slug} value={organisation.slug}>
                  {organisationName(organisation)}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <fieldset>
          <legend>{t('kpiForm.visibility')}</legend>
          {(['public', 'internal'] as const).map((visibility) => (
            <label key={visibility} className="choice">
              <input
                type="radio"
                name="visibility"
                value={visibility}
                defaultChecked={(existing?.visibility ?? 'public') === visibility}
              />
              {t(`kpiForm.visibilities.${visibility}`)}
            </label>
          ))}
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>{t('kpiForm.links')}</legend>
        <Checkboxes
          legend={t('kpiForm.objectives')}
          name="objectives"
          elements={choices.objectives}
          checked={existing?.objectives ?? []}
        />
        <Checkboxes
          legend={t('kpiForm.coreProjects')}
          name="coreProjects"
          elements={choices.coreProjects}
          checked={existing?.coreProjects ?? []}
        />
        <LabelledField label={t('kpiForm.isoTheme')} hint={t('kpiForm.isoThemeHint')}>
          {(control) => (
            <input {...control} name="isoTheme" maxLength={120} defaultValue={existing?.isoTheme ?? ''} />
          )}
        </LabelledField>
      </fieldset>

      {halfDated && (
        <div className="problem" role="alert">
          <p>{halfDated}</p>
        </div>
      )}
      <ProblemAlert error={error} lead={existing ? t('kpiForm.saveFailed') : t('kpiForm.createFailed')} />
      <div className="actions">
        <SubmitButton busy={busy} label={existing ? t('kpiForm.save') : t('kpiForm.create')} />
        <Link className="button-link button--secondary" to="/staff/strategy">
          {t('kpiForm.cancel')}
        </Link>
      </div>
    </form>
  )
}

function Checkboxes({
  legend,
  name,
  elements,
  checked,
}: {
  legend: string
  name: string
  elements: Element[]
  checked: string[]
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ul className="checkbox-list">
        {elements.map((element) => (
          <li key={element.key}>
            <label>
              <input
                type="checkbox"
                name={name}
                value={element.key}
                defaultChecked={checked.includes(element.key)}
              />
              <span>
                {element.code && `${element.code} · `}
                <LocalText value={element.title} />
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}
