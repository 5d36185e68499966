import { type FormEvent, useCallback, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, getJson } from '../../api.ts'
import { DateTime } from '../../components/date-time.tsx'
import { useResource } from '../../use-resource.ts'
import { Pending, StaffPage } from './parts.tsx'
import { type Mail, query } from './staff-api.ts'

const LINK = /(https?:\/\/[^\s<>"')]+)/g

/** Mail text with its addresses made clickable (verification and reset links, mostly). */
function Body({ text }: { text: string }) {
  const parts = text.split(LINK)
  return (
    <p className="mail__body">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  )
}

/** Development outbox: mail kept when the server has no SMTP server to send it through. */
export function OutboxPage() {
  const { t } = useTranslation('staff')
  const id = useId()
  const [draft, setDraft] = useState('')
  const [to, setTo] = useState('')
  const load = useCallback(
    (signal?: AbortSignal) => getJson<{ items: Mail[] }>(`/api/outbox${query({ to, limit: 50 })}`, signal),
    [to],
  )
  const [mail] = useResource(load)
  const smtp = mail.status === 'error' && mail.error instanceof ApiError && mail.error.status === 404

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTo(draft.trim())
  }

  return (
    <StaffPage
      title={t('outbox.title')}
      lead={t('outbox.lead')}
      back={{ to: '/staff', label: t('common.backToIndex') }}
    >
      {smtp ? (
        <p className="notice">{t('outbox.smtp')}</p>
      ) : (
        <>
          <form className="search-form" onSubmit={submit}>
            <label htmlFor={`${id}-to`}>{t('outbox.recipient')}</label>
            <div className="search-form__row">
              <input
                id={`${id}-to`}
                type="search"
                value={draft}
                maxLength={320}
                autoComplete="off"
                aria-describedby={`${id}-to-hint`}
                onChange={(event) => setDraft(event.target.value)}
              />
              <button type="submit">{t('outbox.filter')}</button>
            </div>
            <p className="hint" id={`${id}-to-hint`}>
              {t('outbox.recipientHint')}
            </p>
          </form>
          <Pending resource={mail} />
          {mail.status === 'ready' && (
            <section aria-labelledby={`${id}-messages`}>
              <h2 id={`${id}-messages`}>{t('outbox.messages')}</h2>
              <p role="status">
                {mail.data.items.length === 0
                  ? t('outbox.none')
                  : t('outbox.count', { count: mail.data.items.length })}
              </p>
              <ul className="mail-list">
                {mail.data.items.map((item) => (
                  <li key={item.id} className="mail">
                    <h3>{item.subject}</h3>
                    <p className="mail__meta">
                      {t('outbox.to')} {item.recipient} · <DateTime value={item.sentAt} />
                    </p>
                    <Body text={item.body} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </StaffPage>
  )
}
