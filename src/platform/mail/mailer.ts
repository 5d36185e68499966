import { sql } from 'kysely'
import nodemailer from 'nodemailer'
import type { Database } from '../db/database.ts'

export interface Mail {
  to: string
  subject: string
  text: string
}

export interface Mailer {
  /** `smtp` delivers; `outbox` keeps mail in the database for development. */
  readonly mode: 'smtp' | 'outbox'
  send(mail: Mail): Promise<void>
}

export function createMailer(db: Database, options: { smtpUrl: string | undefined; from: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl)
    return {
      mode: 'smtp',
      async send(mail) {
        await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text })
      },
    }
  }
  return {
    mode: 'outbox',
    async send(mail) {
      await sql`INSERT INTO platform.outbox (recipient, subject, body)
        VALUES (${mail.to}, ${mail.subject}, ${mail.text})`.execute(db)
    },
  }
}

export interface OutboxMail {
  id: number
  recipient: string
  subject: string
  body: string
  sentAt: string
}

export async function readOutbox(
  db: Database,
  recipient: string | undefined,
  limit: number,
): Promise<OutboxMail[]> {
  const { rows } = await sql<{ id: number; recipient: string; subject: string; body: string; sent_at: Date }>`
    SELECT id, recipient, subject, body, sent_at FROM platform.outbox
    WHERE (${recipient ?? null}::text IS NULL OR lower(recipient) = lower(${recipient ?? null}))
    ORDER BY id DESC LIMIT ${limit}`.execute(db)
  return rows.map((row) => ({
    id: row.id,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    sentAt: row.sent_at.toISOString(),
  }))
}
