import { type FormEvent, useState } from 'react'
import { Done } from '../../components/done.tsx'
import { SubmitButton } from '../../components/form-field.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { LocalizedFields, localizedOf } from '../strategy/localized-fields.tsx'
import { type Milestone, type Project, projectApi } from './portfolio-api.ts'
import { Completion, Local } from './portfolio-parts.tsx'
import { useBoardWords } from './portfolio-words.ts'

/** Weighted milestones; their progress rolls up to the project's completion, which the server computes. */
export function Milestones({ project, onChanged }: { project: Project; onChanged: () => Promise<void> }) {
  const { t } = useBoardWords()
  const totalWeight = project.milestones.reduce((sum, milestone) => sum + milestone.weight, 0)
  return (
    <section className="panel" aria-labelledby="milestones">
      <h2 id="milestones">{t('milestones.title')}</h2>
      <p>
        {t('milestones.completion')} <Completion value={project.completion} />
      </p>
      <p className="hint">{t('milestones.rollUp')}</p>
      {project.milestones.length === 0 ? (
        <p className="notice">{t('milestones.none')}</p>
      ) : (
        <ul className="milestone-list">
          {project.milestones.map((milestone) => (
            <MilestoneItem
              key={`${milestone.id}-${milestone.progress}-${milestone.weight}-${milestone.dueDate}`}
              slug={project.slug}
              milestone={milestone}
              share={totalWeight > 0 ? milestone.weight / totalWeight : 0}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
      <AddMilestone slug={project.slug} onChanged={onChanged} />
    </section>
  )
}

function MilestoneItem({
  slug,
  milestone,
  share,
  onChanged,
}: {
  slug: string
  milestone: Milestone
  share: number
  onChanged: () => Promise<void>
}) {
  const { t, text, formats } = useBoardWords()
  const { send } = useSession()
  const { busy, error, run } = useAction()
  const url = `${projectApi(slug)}/milestones/${milestone.id}`
  const name = text(milestone.title)

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const fields = new FormData(event.currentTarget)
    const due = String(fields.get('dueDate') ?? '')
    void run(async () => {
      await send(url, 'PATCH', {
        progress: Number(fields.get('progress')),
        weight: Number(fields.get('weight')),
        dueDate: due || null,
      })
      await onChanged()
    })
  }
  const remove = () =>
    void run(async () => {
      await send(url, 'DELETE')
      await onChanged()
    })

  return (
    <li>
      <h3>
        <Local value={milestone.title} />
      </h3>
      <p className="muted">
        {t('milestones.share', { share: formats.percent.format(share), progress: milestone.progress })}
      </p>
      <form
        className="form--inline milestone-form"
        onSubmit={save}
        aria-label={t('milestones.change', { name })}
      >
        <LabelledField label={t('milestones.progress')}>
          {(control) => (
            <input
              {...control}
              name="progress"
              type="number"
              min={0}
              max={100}
              step={1}
              required
              defaultValue={milestone.progress}
            />
          )}
        </LabelledField>
        <LabelledField label={t('milestones.weight')}>
          {(control) => (
            <input
              {...control}
              name="weight"
              type="number"
              min={0.1}
              max={1000}
              step="any"
              required
              defaultValue={milestone.weight}
            />
          )}
        </LabelledField>
        <LabelledField label={t('milestones.due')}>
          {(control) => (
            <input {...control} name="dueDate" type="date" defaultValue={milestone.dueDate ?? ''} />
          )}
        </LabelledField>
        <div className="actions">
          <SubmitButton busy={busy} label={t('milestones.save')} />
          <button type="button" className="button--secondary" disabled={busy} onClick={remove}>
            {t('milestones.remove')}
            <span className="visually-hidden">: {name}</span>
          </button>
        </div>
      </form>
      <ProblemAlert error={error} />
    </li>
  )
}

function AddMilestone({ slug, onChanged }: { slug: string; onChanged: () => Promise<void> }) {
  const { t } = useBoardWords()
  const { send } = useSession()
  const { busy, error, run } = useAction()
  const [added, setAdded] = useState(false)

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const fields = new FormData(form)
    const due = String(fields.get('dueDate') ?? '')
    setAdded(false)
    void run(async () => {
      await send(`${projectApi(slug)}/milestones`, 'POST', {
        title: localizedOf(fields, 'title'),
        weight: Number(fields.get('weight')),
        progress: Number(fields.get('progress') || 0),
        ...(due ? { dueDate: due } : {}),
      })
      form.reset()
      setAdded(true)
      await onChanged()
    })
  }

  return (
    <form className="form board-form" onSubmit={add} aria-labelledby="add-milestone">
      <h3 id="add-milestone">{t('milestones.add')}</h3>
      <LocalizedFields name="title" legend={t('milestones.name')} maxLength={300} />
      <div className="form--inline">
        <LabelledField label={t('milestones.weight')} hint={t('milestones.weightHint')}>
          {(control) => (
            <input
              {...control}
              name="weight"
              type="number"
              min={0.1}
              max={1000}
              step="any"
              required
              defaultValue={1}
            />
          )}
        </LabelledField>
        <LabelledField label={t('milestones.progress')}>
          {(control) => (
            <input {...control} name="progress" type="number" min={0} max={100} step={1} defaultValue={0} />
          )}
        </LabelledField>
        <LabelledField label={t('milestones.due')}>
          {(control) => <input {...control} name="dueDate" type="date" />}
        </LabelledField>
      </div>
      <ProblemAlert error={error} />
      {added && <Done>{t('milestones.added')}</Done>}
      <div className="actions">
        <SubmitButton busy={busy} label={t('milestones.addSubmit')} />
      </div>
    </form>
  )
}
