import { type FormEvent, useCallback, useId } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { DATA_THEMES, FREQUENCIES, LICENCES } from '../../../../src/modules/catalog/vocabularies.ts'
import { SubmitButton } from '../../components/form-field.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { Working } from '../../components/working.tsx'
import { useSession } from '../../session.tsx'
import { useSiteData } from '../../site-data.tsx'
import { useAction } from '../../use-action.ts'
import { useResource } from '../../use-resource.ts'
import {
  type Dataset,
  type DatasetCreate,
  type DatasetPatch,
  datasetPath,
  getDataset,
  getOrganisations,
} from './catalog-api.ts'
import { DataPage, Pending, ProblemAlert } from './parts.tsx'
import { isPublisher, mayPublishFor, usePublisherAccess } from './publisher-access.ts'
import { useDataWords } from './words.ts'

const LANGUAGES = ['ro', 'en', 'hu'] as const

/** /data/publish and /data/:name/edit — a dataset's metadata, written by its publisher. */
export function DatasetFormPage() {
  const { name } = useParams()
  const { t } = useDataWords()
  const { state } = useSession()
  const access = usePublisherAccess()
  const load = useCallback(
    (signal: AbortSignal) => (name ? getDataset(name, signal) : Promise.resolve(null)),
    [name],
  )
  const [dataset, reload] = useResource(load)
  const title = name ? t('form.editTitle') : t('form.createTitle')
  const back = name
    ? { to: datasetPath.page(name), label: t('form.backToDataset') }
    : { to: '/data', label: t('dataset.back') }

  if (state.status === 'loading')
    return (
      <DataPage title={title} back={back}>
        <Working>{t('common.loading')}</Working>
      </DataPage>
    )
  if (state.status === 'anonymous')
    return (
      <DataPage title={title} back={back}>
        <p>{t('form.signInNeeded')}</p>
        <p>
          <Link
            to={`/account/sign-in?return=${encodeURIComponent(name ? datasetPath.edit(name) : '/data/publish')}`}
          >
            {t('form.signIn')}
          </Link>
        </p>
      </DataPage>
    )
  if (!isPublisher(access))
    return (
      <DataPage title={title} back={back}>
        <p className="problem" role="alert">
          {t('form.notPublisher')}
        </p>
      </DataPage>
    )
  if (dataset.status !== 'ready')
    return (
      <DataPage title={title} back={back}>
        <Pending resource={dataset} onRetry={() => void reload()} />
      </DataPage>
    )
  const existing = dataset.data
  return (
    <DataPage
      title={existing ? t('form.editNamed', { title: existing.title.ro }) : title}
      back={back}
      lead={existing ? undefined : t('form.createLead')}
    >
      {existing && !mayPublishFor(access, existing.organisation.slug) ? (
        <p className="problem" role="alert">
          {t('form.notYours')}
        </p>
      ) : (
        <DatasetForm existing={existing} />
      )}
    </DataPage>
  )
}

const localized = (fields: FormData, name: string) => {
  const text: { ro: string; en?: string; hu?: string } = { ro: String(fields.get(`${name}.ro`) ?? '').trim() }
  for (const language of ['en', 'hu'] as const) {
    const value = String(fields.get(`${name}.${language}`) ?? '').trim()
    if (value) text[language] = value
  }
  return text
}

function DatasetForm({ existing }: { existing: Dataset | null }) {
  const { t, themeName, licenceName, frequencyName, organisationName, formats } = useDataWords()
  const id = useId()
  const { send } = useSession()
  const access = usePublisherAccess()
  const navigate = useNavigate()
  const { busy, error, run } = useAction()
  const { city } = useSiteData()
  const [organisations] = useResource(getOrganisations)
  const areas =
    city.status === 'ready' && city.data
      ? city.data.areas.features
          .map((feature) => feature.properties)
          .sort((a, b) => formats.collator.compare(a.name, b.name))
      : []
  const mine =
    organisations.status === 'ready'
      ? organisations.data.items
          .filter((organisation) => mayPublishFor(access, organisation.slug))
          .sort((a, b) => formats.collator.compare(organisationName(a), organisationName(b)))
      : []

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const fields = new FormData(event.currentTarget)
    const value = (name: string) => String(fields.get(name) ?? '').trim()
    const start = value('temporal.start')
    const end = value('temporal.end')
    const contactName = value('contact.name')
    const fieldsOf: DatasetPatch = {
      title: localized(fields, 'title'),
      description: localized(fields, 'description'),
      keywords: [
        ...new Set(
          value('keywords')
            .split(',')
            .map((keyword) => keyword.trim())
            .filter(Boolean),
        ),
      ],
      themes: fields.getAll('themes').map(String),
      licence: value('licence'),
      frequency: value('frequency'),
      accessLevel: value('accessLevel') === 'private' ? 'private' : 'open',
      temporal: start || end ? { ...(start ? { start } : {}), ...(end ? { end } : {}) } : null,
      spatial: value('area') ? { area: value('area') } : null,
      contactPoint: contactName
        ? {
            name: contactName,
            ...(value('contact.email') ? { email: value('contact.email') } : {}),
            ...(value('contact.url') ? { url: value('contact.url') } : {}),
          }
        : null,
      version: value('version') || null,
    }
    await run(async () => {
      if (existing) {
        await send(datasetPath.api(existing.name), 'PATCH', fieldsOf)
        await navigate(datasetPath.page(existing.name))
      } else {
        const body = {
          ...fieldsOf,
          organisation: value('organisation'),
          ...(value('name') ? { name: value('name') } : {}),
        } as DatasetCreate
        const created = await send<Dataset>('/api/catalog/datasets', 'POST', body)
        await navigate(datasetPath.upload(created.name))
      }
    })
  }

  const languageLabel = (language: (typeof LANGUAGES)[number]) =>
    language === 'ro' ? t('form.languages.roRequired') : t(`form.languages.${language}`)

  return (
    <form
      className="dataset-form"
      onSubmit={(event) => void submit(event)}
      aria-describedby={`${id}-required`}
    >
      <p id={`${id}-required`} className="hint">
        {t('form.required')}
      </p>
      {!existing && (
        <fieldset>
          <legend>{t('form.publisher')}</legend>
          <LabelledField label={t('form.organisation')}>
            {(control) => (
              <select {...control} name="organisation" required>
                {mine.map((organisation) => (
                  <option key={organisation.slug} value={organisation.slug}>
                    {organisationName(organisation)}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
          <LabelledField label={t('form.name')} hint={t('form.nameHint')}>
            {(control) => (
              <input
                {...control}
                name="name"
                pattern="[a-z0-9]+(-[a-z0-9]+)*"
                minLength={2}
                maxLength={100}
              />
            )}
          </LabelledField>
        </fieldset>
      )}

      {(['title', 'description'] as const).map((field) => (
        <fieldset key={field}>
          <legend>{t(`form.${field}`)}</legend>
          {LANGUAGES.map((language) => (
            <LabelledField key={language} label={languageLabel(language)}>
              {(control) =>
                field === 'title' ? (
                  <input
                    {...control}
                    name={`title.${language}`}
                    lang={language}
                    required={language === 'ro'}
                    maxLength={300}
                    defaultValue={existing?.title[language] ?? ''}
                  />
                ) : (
                  <textarea
                    {...control}
                    name={`description.${language}`}
                    lang={language}
                    required={language === 'ro'}
                    rows={4}
                    defaultValue={existing?.description[language] ?? ''}
                  />
                )
              }
            </LabelledField>
          ))}
        </fieldset>
      ))}

      <fieldset>
        <legend>{t('form.classification')}</legend>
        <LabelledField label={t('form.keywords')} hint={t('form.keywordsHint')}>
          {(control) => (
            <input {...control} name="keywords" defaultValue={existing?.keywords.join(', ') ?? ''} />
          )}
        </LabelledField>
        <fieldset className="checkbox-group">
          <legend>{t('form.themes')}</legend>
          <ul className="plain-list themes-list">
            {Object.keys(DATA_THEMES).map((code) => (
              <li key={code}>
                <label className="check">
                  <input
                    type="checkbox"
                    name="themes"
                    value={code}
                    defaultChecked={existing?.themes.includes(code) ?? false}
                  />
                  {themeName(code)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>{t('form.terms')}</legend>
        <LabelledField label={t('form.licence')}>
          {(control) => (
            <select {...control} name="licence" required defaultValue={existing?.licence ?? 'cc-by-4.0'}>
              {Object.keys(LICENCES).map((licence) => (
                <option key={licence} value={licence}>
                  {licenceName(licence)}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <LabelledField label={t('form.frequency')}>
          {(control) => (
            <select {...control} name="frequency" defaultValue={existing?.frequency ?? 'UNKNOWN'}>
              {Object.keys(FREQUENCIES).map((frequency) => (
                <option key={frequency} value={frequency}>
                  {frequencyName(frequency)}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <fieldset className="checkbox-group">
          <legend>{t('form.accessLevel')}</legend>
          {(['open', 'private'] as const).map((level) => (
            <label key={level} className="check">
              <input
                type="radio"
                name="accessLevel"
                value={level}
                defaultChecked={(existing?.accessLevel ?? 'open') === level}
              />
              {t(`form.access.${level}`)}
            </label>
          ))}
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>{t('form.coverage')}</legend>
        <div className="form-row">
          <LabelledField label={t('form.temporalStart')}>
            {(control) => (
              <input
                {...control}
                type="date"
                name="temporal.start"
                defaultValue={existing?.temporal?.start ?? ''}
              />
            )}
          </LabelledField>
          <LabelledField label={t('form.temporalEnd')}>
            {(control) => (
              <input
                {...control}
                type="date"
                name="temporal.end"
                defaultValue={existing?.temporal?.end ?? ''}
              />
            )}
          </LabelledField>
        </div>
        <LabelledField label={t('form.area')} hint={t('form.areaHint')}>
          {(control) => (
            <select {...control} name="area" defaultValue={existing?.spatial?.area ?? ''}>
              <option value="">{t('form.wholeCity')}</option>
              {areas.map((area) => (
                <option key={area.slug} value={area.slug}>
                  {area.name}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
      </fieldset>

      <fieldset>
        <legend>{t('form.contact')}</legend>
        <LabelledField label={t('form.contactName')} hint={t('form.contactHint')}>
          {(control) => (
            <input
              {...control}
              name="contact.name"
              maxLength={200}
              defaultValue={existing?.contactPoint?.name ?? ''}
            />
          )}
        </LabelledField>
        <LabelledField label={t('form.contactEmail')}>
          {(control) => (
            <input
              {...control}
              type="email"
              name="contact.email"
              defaultValue={existing?.contactPoint?.email ?? ''}
            />
          )}
        </LabelledField>
        <LabelledField label={t('form.contactUrl')}>
          {(control) => (
            <input
              {...control}
              type="url"
              name="contact.url"
              defaultValue={existing?.contactPoint?.url ?? ''}
            />
          )}
        </LabelledField>
        <LabelledField label={t('form.version')}>
          {(control) => (
            <input {...control} name="version" maxLength={50} defaultValue={existing?.version ?? ''} />
          )}
        </LabelledField>
      </fieldset>

      <ProblemAlert error={error} lead={existing ? t('form.saveFailed') : t('form.createFailed')} />
      <div className="actions">
        <SubmitButton busy={busy} label={existing ? t('form.save') : t('form.create')} />
        {existing && (
          <Link className="button-link button--secondary" to={datasetPath.page(existing.name)}>
            {t('common.cancel')}
          </Link>
        )}
      </div>
    </form>
  )
}
