import type { FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { SubmitButton } from '../../components/form-field.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useResource } from '../../use-resource.ts'
import { LocalizedFields, localizedOf } from '../strategy/localized-fields.tsx'
import { getOrganisations } from '../strategy/strategy-api.ts'
import type { PortfolioAccess } from './portfolio-access.ts'
import { PROJECT_KINDS, type Project, projectPath } from './portfolio-api.ts'
import { useBoardWords } from './portfolio-words.ts'

/** A new project, as an idea: its kind, title, the need it covers and the organisation that owns it. */
export function NewProjectForm({ access }: { access: PortfolioAccess }) {
  const { t, word, language } = useBoardWords()
  const { send } = useSession()
  const navigate = useNavigate()
  const { busy, error, run } = useAction()
  const [organisations] = useResource(getOrganisations)
  const owners =
    organisations.status === 'ready'
      ? organisations.data.items.filter(
          (organisation) => access.office || access.creatable.includes(organisation.slug),
        )
      : []

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const fields = new FormData(event.currentTarget)
    const owner = String(fields.get('owner') ?? '')
    void run(async () => {
      const project = await send<Project>('/api/portfolio/projects', 'POST', {
        kind: String(fields.get('kind')),
        title: localizedOf(fields, 'title'),
        need: localizedOf(fields, 'need'),
        owner: owner || null,
      })
      await navigate(projectPath(project.slug))
    })
  }

  return (
    <section className="panel" aria-labelledby="new-project">
      <h2 id="new-project">{t('create.title')}</h2>
      <p className="hint">{t('create.lead')}</p>
      <form className="form board-form" onSubmit={submit}>
        <LabelledField label={t('fields.kind')}>
          {(control) => (
            <select {...control} name="kind" defaultValue="flexible">
              {PROJECT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {word('kinds', kind)}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <LocalizedFields name="title" legend={t('fields.title')} maxLength={300} />
        <LocalizedFields name="need" legend={t('fields.need')} multiline maxLength={4000} />
        <LabelledField label={t('fields.owner')} hint={access.office ? t('create.ownerHint') : undefined}>
          {(control) => (
            <select {...control} name="owner" required={!access.office}>
              {access.office && <option value="">{t('create.noOwner')}</option>}
              {owners.map((organisation) => (
                <option key={organisation.slug} value={organisation.slug}>
                  {organisation.names[language] ?? organisation.name}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <ProblemAlert error={error} />
        <div className="actions">
          <SubmitButton busy={busy} label={t('create.submit')} />
        </div>
      </form>
    </section>
  )
}
