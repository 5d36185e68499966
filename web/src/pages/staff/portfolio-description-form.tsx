import { type FormEvent, useState } from 'react'
import { ApiError } from '../../api.ts'
import { Done } from '../../components/done.tsx'
import { SubmitButton } from '../../components/form-field.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useResource } from '../../use-resource.ts'
import { LocalizedFields, localizedOf } from '../strategy/localized-fields.tsx'
import { getOrganisations } from '../strategy/strategy-api.ts'
import type { PortfolioAccess } from './portfolio-access.ts'
import { FUNDING_SOURCES, type FundingSource, type Project, projectApi } from './portfolio-api.ts'
import { useBoardWords } from './portfolio-words.ts'

const OBJECTIVES = ['objective-1', 'objective-2', 'objective-3', 'objective-4', 'objective-5']
const lines = (value: FormDataEntryValue | null) =>
  String(value ?? '')
    .split(/\n/)
    .map((line) => line.trim())
    .filter(Boolean)
const orNull = (value: FormDataEntryValue | null) => String(value ?? '').trim() || null

/** The project's description: the fields of the strategy's project tables (annexes 5 and 6). */
export function DescriptionForm({
  project,
  access,
  onChanged,
}: {
  project: Project
  access: PortfolioAccess
  onChanged: () => Promise<void>
}) {
  const { t, word, language } = useBoardWords()
  const { send } = useSession()
  const { busy, error, run } = useAction()
  const [saved, setSaved] = useState<number | null>(null)
  const [organisations] = useResource(getOrganisations)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const fields = new FormData(event.currentTarget)
    const budget = orNull(fields.get('budget'))
    const notes = localizedOf(fields, 'notes')
    setSaved(null)
    void run(async () => {
      const changed = await send<Project>(projectApi(project.slug), 'PATCH', {
        version: project.version,
        title: localizedOf(fields, 'title'),
        need: localizedOf(fields, 'need'),
        ...(access.office ? { owner: orNull(fields.get('owner')) } : {}),
        actors: lines(fields.get('actors')),
        partners: lines(fields.get('partners')),
        period: {
          start: orNull(fields.get('start')),
          end: orNull(fields.get('end')),
          text: orNull(fields.get('periodText')),
        },
        funding: fields.getAll('funding').map(String) as FundingSource[],
        fundingNote: orNull(fields.get('fundingNote')),
        budget: budget === null ? null : Number(budget),
        notes:
          notes.ro || notes.en || notes.hu
            ? { ...notes, ro: notes.ro || (notes.en ?? notes.hu ?? '') }
            : null,
        objectives: fields.getAll('objectives').map(String),
        directions: String(fields.get('directions') ?? '')
          .split(/[\s,]+/)
          .filter(Boolean),
        link: orNull(fields.get('link')),
      })
      setSaved(changed.version)
      await onChanged()
    })
  }
  const conflict = error instanceof ApiError && error.status === 409

  return (
    <section className="panel" aria-labelledby="description">
      <h2 id="description">{t('description.title')}</h2>
      <form className="form board-form" onSubmit={submit} key={project.version}>
        <LocalizedFields name="title" legend={t('fields.title')} value={project.title} maxLength={300} />
        <LocalizedFields
          name="need"
          legend={t('fields.need')}
          value={project.need}
          multiline
          maxLength={4000}
        />
        {access.office && (
          <LabelledField label={t('fields.owner')}>
            {(control) => (
              <select {...control} name="owner" defaultValue={project.owner?.slug ?? ''}>
                <option value="">{t('create.noOwner')}</option>
                {organisations.status === 'ready' &&
                  organisations.data.items.map((organisation) => (
                    <option key={organisation.slug} value={organisation.slug}>
                      {organisation.names[language] ?? organisation.name}
                    </option>
                  ))}
              </select>
            )}
          </LabelledField>
        )}
        <LabelledField label={t('fields.actors')} hint={t('description.onePerLine')}>
          {(control) => (
            <textarea {...control} name="actors" rows={3} defaultValue={project.actors.join('\n')} />
          )}
        </LabelledField>
        <LabelledField label={t('fields.partners')} hint={t('description.onePerLine')}>
          {(control) => (
            <textarea {...control} name="partners" rows={3} defaultValue={project.partners.join('\n')} />
          )}
        </LabelledField>
        <fieldset>
          <legend>{t('fields.period')}</legend>
          <div className="form--inline">
            <LabelledField label={t('description.start')}>
              {(control) => (
                <input {...control} name="start" type="date" defaultValue={project.period.start ?? ''} />
              )}
            </LabelledField>
            <LabelledField label={t('description.end')}>
              {(control) => (
                <input {...control} name="end" type="date" defaultValue={project.period.end ?? ''} />
              )}
            </LabelledField>
          </div>
          <LabelledField label={t('description.periodText')} hint={t('description.periodTextHint')}>
            {(control) => (
              <input
                {...control}
                name="periodText"
                maxLength={100}
                defaultValue={project.period.text ?? ''}
              />
            )}
          </LabelledField>
        </fieldset>
        <fieldset>
          <legend>{t('fields.funding')}</legend>
          {FUNDING_SOURCES.map((source) => (
            <div className="choice" key={source}>
              <input
                type="checkbox"
                id={`funding-${source}`}
                name="funding"
                value={source}
                defaultChecked={project.funding.includes(source)}
              />
              <label htmlFor={`funding-${source}`}>{word('funding', source)}</label>
            </div>
          ))}
          <LabelledField label={t('description.fundingNote')}>
            {(control) => (
              <input
                {...control}
                name="fundingNote"
                maxLength={200}
                defaultValue={project.fundingNote ?? ''}
              />
            )}
          </LabelledField>
        </fieldset>
        <LabelledField label={t('fields.budget')}>
          {(control) => (
            <input
              {...control}
              name="budget"
              type="number"
              min={0}
              step="any"
              defaultValue={project.budget ?? ''}
            />
          )}
        </LabelledField>
        <fieldset>
          <legend>{t('fields.objectives')}</legend>
          {OBJECTIVES.map((objective) => (
            <div className="choice" key={objective}>
              <input
                type="checkbox"
                id={`objective-${objective}`}
                name="objectives"
                value={objective}
                defaultChecked={project.objectives.includes(objective)}
              />
              <label htmlFor={`objective-${objective}`}>{word('objectives', objective)}</label>
            </div>
          ))}
        </fieldset>
        <LabelledField label={t('fields.directions')} hint={t('description.directionsHint')}>
          {(control) => <input {...control} name="directions" defaultValue={project.directions.join(', ')} />}
        </LabelledField>
        <LocalizedFields
          name="notes"
          legend={t('fields.notes')}
          value={project.notes ?? undefined}
          multiline
          optional
        />
        <LabelledField label={t('fields.link')}>
          {(control) => (
            <input {...control} name="link" type="url" maxLength={500} defaultValue={project.link ?? ''} />
          )}
        </LabelledField>
        <ProblemAlert
          error={error}
          lead={conflict ? t('description.conflict') : undefined}
          onRetry={conflict ? () => void onChanged() : undefined}
        />
        {saved !== null && <Done>{t('description.saved', { version: saved })}</Done>}
        <div className="actions">
          <SubmitButton busy={busy} label={t('description.save')} />
        </div>
      </form>
    </section>
  )
}
