import type { ModuleContext } from '../../platform/module.ts'
import type { Language } from '../../platform/text/localized.ts'
import { type Addressee, peopleWhoMay } from '../identity/index.ts'
import { periodStart } from './periods.ts'
import type { Kpi } from './schemas.ts'
import { RECEIVE_DIGEST } from './service/access.ts'
import { needingAttention } from './service/dashboard.ts'
import { evaluateRows } from './service/kpis.ts'
import { loadOwners } from './service/owners.ts'
import { claimDigest, releaseDigest } from './store/digests.ts'
import { selectKpis } from './store/kpis.ts'

const WORDS: Record<
  Language,
  { subject: string; overdue: string; atRisk: string; due: string; projected: string; open: string }
> = {
  ro: {
    subject: 'Indicatorii săptămânii',
    overdue: 'Măsurători întârziate',
    atRisk: 'Ținte în pericol',
    due: 'scadentă',
    projected: 'tendința ajunge la',
    open: 'Tabloul de bord',
  },
  en: {
    subject: "This week's KPIs",
    overdue: 'Measurements overdue',
    atRisk: 'Targets at risk',
    due: 'due',
    projected: 'the trend reaches',
    open: 'Management dashboard',
  },
  hu: {
    subject: 'A hét mutatói',
    overdue: 'Késő mérések',
    atRisk: 'Veszélyben lévő célok',
    due: 'határidő',
    projected: 'a trend eléri:',
    open: 'Vezetői irányítópult',
  },
}

/** The ISO week a moment falls in, e.g. `2026-W48`: the digest's idempotency key. */
export function isoWeek(moment: Date): string {
  const monday = new Date(`${periodStart('weekly', moment)}T00:00:00Z`)
  // ISO 8601: a week belongs to the year its Thursday falls in.
  const thursday = new Date(monday.getTime() + 3 * 86_400_000)
  const year = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

function body(addressee: Addressee, overdue: Kpi[], atRisk: Kpi[], publicUrl: string): string {
  const words = WORDS[addressee.language]
  const name = (kpi: Kpi) => kpi.name[addressee.language] ?? kpi.name.ro
  const lines = [`${addressee.displayName},`, '']
  if (overdue.length > 0) {
    lines.push(`${words.overdue} (${overdue.length}):`)
    for (const kpi of overdue) lines.push(`- ${name(kpi)} (${kpi.owner.slug}; ${words.due} ${kpi.dueBy})`)
    lines.push('')
  }
  if (atRisk.length > 0) {
    lines.push(`${words.atRisk} (${atRisk.length}):`)
    for (const kpi of atRisk) {
      const projected = kpi.projected === null ? '' : `; ${words.projected} ${kpi.projected} ${kpi.unit}`
      lines.push(`- ${name(kpi)}: ${kpi.latest?.value ?? '—'} / ${kpi.target?.value} ${kpi.unit}${projected}`)
    }
    lines.push('')
  }
  lines.push(`${words.open}: ${publicUrl}/staff/strategy`)
  return lines.join('\n')
}

/**
 * One mail a week to each person who answers for KPIs needing attention (overdue, at risk or
 * missed), listing them all: never a mail per KPI. A week already sent to someone is not sent again.
 */
export async function sendWeeklyDigest(
  context: ModuleContext,
  now: Date,
): Promise<{ sent: number; week: string }> {
  const week = isoWeek(now)
  const rows = await selectKpis(context.db)
  const kpis = await evaluateRows(context, rows, await loadOwners(context), { now })
  const ownerOf = new Map(rows.map((row) => [row.slug, row.owner_organisation_id]))
  let sent = 0
  for (const addressee of await peopleWhoMay(context.db, RECEIVE_DIGEST)) {
    const theirs = kpis.filter((kpi) => {
      const owner = ownerOf.get(kpi.slug) ?? ''
      return addressee.everywhere || addressee.organisationIds.includes(owner)
    })
    const { overdue, atRisk } = needingAttention(theirs)
    if (overdue.length === 0 && atRisk.length === 0) continue
    if (!(await claimDigest(context.db, week, addressee.personId))) continue
    try {
      await context.mail.send({
        to: addressee.email,
        subject: `${WORDS[addressee.language].subject} (${week})`,
        text: body(addressee, overdue, atRisk, context.settings.publicUrl),
      })
      sent++
    } catch (error) {
      // Not sent: give the claim back so the job's retry sends it.
      await releaseDigest(context.db, week, addressee.personId)
      throw error
    }
  }
  return { sent, week }
}
