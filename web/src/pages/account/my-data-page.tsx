import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getJson } from '../../api.ts'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useDocumentTitle } from '../../use-document-title.ts'
import { useResource } from '../../use-resource.ts'
import { type Consent, type DataUse, localized } from './account-api.ts'
import { useFormatDate } from './format.ts'
import { FormProblem } from './problem.tsx'
import { SectionLoading } from './section-loading.tsx'
import { useOrganisationNames } from './use-account.ts'

const loadConsents = (signal: AbortSignal) => getJson<{ items: Consent[] }>('/api/account/consents', signal)
const loadDataUses = (signal: AbortSignal) => getJson<{ items: DataUse[] }>('/api/account/data-uses', signal)

const categories = [
  'name',
  'email',
  'preferred_language',
  'identity_level',
  'ticket_validations',
  'identity_document_type',
  'identity_document_reference',
] as const
const bases = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const
const kinds = ['holds', 'reused'] as const

const known = <T extends string>(list: readonly T[], value: string): value is T => list.includes(value as T)

export function MyDataPage() {
  const { t } = useTranslation('account')
  useDocumentTitle(t('myData.title'))
  return (
    <>
      <h1>{t('myData.title')}</h1>
      <p className="lead">{t('myData.intro')}</p>
      <Consents />
      <DataUses />
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t('myData.exportHeading')}</h2>
        <p>{t('myData.exportText')}</p>
        <p>
          <a className="button-link" href="/api/account/export" download>
            {t('myData.export')}
          </a>
        </p>
      </section>
    </>
  )
}

function useCategoryName() {
  const { t } = useTranslation('account')
  return (category: string) => (known(categories, category) ? t(`myData.categories.${category}`) : category)
}

function Consents() {
  const { t, i18n } = useTranslation('account')
  const { send } = useSession()
  const formatDate = useFormatDate()
  const organisationName = useOrganisationNames()
  const categoryName = useCategoryName()
  const [consents, reload] = useResource(loadConsents, 'always')
  const [pending, setPending] = useState<string | null>(null)
  const { run, error } = useAction()

  const toggle = (consent: Consent) => {
    setPending(consent.key)
    void run(async () => {
      try {
        await send(`/api/account/consents/${encodeURIComponent(consent.key)}`, 'PUT', {
          granted: !consent.granted,
        })
        reload()
      } finally {
        setPending(null)
      }
    })
  }

  return (
    <section aria-labelledby="consents-heading">
      <h2 id="consents-heading">{t('myData.consentsHeading')}</h2>
      <p>{t('myData.consentsIntro')}</p>
      <SectionLoading resource={consents} onRetry={reload}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('myData.noConsents')}</p>
          ) : (
            <ul className="cards">
              {data.items.map((consent) => {
                const title = localized(consent.title, i18n.resolvedLanguage)
                const stateId = `consent-${consent.key.replace(/\W/g, '-')}-state`
                return (
                  <li key={consent.key} className="card consent">
                    <h3 className="card__title">{title}</h3>
                    <p>{localized(consent.description, i18n.resolvedLanguage)}</p>
                    <dl className="facts">
                      {consent.organisation && (
                        <div>
                          <dt>{t('myData.organisation')}</dt>
                          <dd>{organisationName(consent.organisation)}</dd>
                        </div>
                      )}
                      <div>
                        <dt>{t('myData.dataCategories')}</dt>
                        <dd>{consent.dataCategories.map(categoryName).join(', ')}</dd>
                      </div>
                    </dl>
                    <div className="consent__toggle">
                      <button
                        type="button"
                        role="switch"
                        aria-checked={consent.granted}
                        aria-describedby={stateId}
                        className="switch"
                        disabled={pending !== null}
                        onClick={() => toggle(consent)}
                      >
                        <span className="switch__track" aria-hidden="true">
                          <span className="switch__thumb" />
                        </span>
                        <span className="switch__label">{t('myData.allow', { purpose: title })}</span>
                      </button>
                      <p
                        id={stateId}
                        className={
                          consent.granted ? 'consent__state consent__state--granted' : 'consent__state'
                        }
                      >
                        {pending === consent.key
                          ? t('common.saving')
                          : consent.granted
                            ? consent.changedAt
                              ? t('myData.grantedAt', { date: formatDate(consent.changedAt) })
                              : t('myData.granted')
                            : consent.changedAt
                              ? t('myData.withdrawnAt', { date: formatDate(consent.changedAt) })
                              : t('myData.neverGranted')}
                      </p>
                    </div>
                  </li>
                )
              })}
            </ul>
          )
        }
      </SectionLoading>
      <FormProblem error={error} />
    </section>
  )
}

function DataUses() {
  const { t } = useTranslation('account')
  const formatDate = useFormatDate()
  const organisationName = useOrganisationNames()
  const categoryName = useCategoryName()
  const [uses, reload] = useResource(loadDataUses, 'always')

  return (
    <section aria-labelledby="uses-heading">
      <h2 id="uses-heading">{t('myData.usesHeading')}</h2>
      <p>{t('myData.usesIntro')}</p>
      <SectionLoading resource={uses} onRetry={reload}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('myData.noUses')}</p>
          ) : (
            <ul className="cards">
              {data.items.map((use) => (
                <li key={`${use.service}-${use.recordedAt}-${use.kind}`} className="card">
                  <p className="card__title">
                    {organisationName(use.organisation) ?? t('myData.platform')} ·{' '}
                    {known(kinds, use.kind) ? t(`myData.kinds.${use.kind}`) : use.kind}
                  </p>
                  <dl className="facts">
                    <div>
                      <dt>{t('myData.service')}</dt>
                      <dd>
                        <code>{use.service}</code>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('myData.dataCategories')}</dt>
                      <dd>{use.dataCategories.map(categoryName).join(', ')}</dd>
                    </div>
                    <div>
                      <dt>{t('myData.purpose')}</dt>
                      <dd>{use.purpose}</dd>
                    </div>
                    <div>
                      <dt>{t('myData.lawfulBasis')}</dt>
                      <dd>
                        {known(bases, use.lawfulBasis)
                          ? t(`myData.bases.${use.lawfulBasis}`)
                          : use.lawfulBasis}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('myData.recordedAt')}</dt>
                      <dd>{formatDate(use.recordedAt)}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          )
        }
      </SectionLoading>
    </section>
  )
}
