import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js'
import type { Language, LocalizedText } from '../../../platform/text/localized.ts'
import { PROJECT_STATUSES } from '../vocabularies.ts'
import type { Report } from './report-schemas.ts'
import { KPI_STATUSES } from './report-schemas.ts'
import { type ReportWords, reportWords } from './words.ts'

const LOCALES: Record<Language, string> = { ro: 'ro-RO', en: 'en-GB', hu: 'hu-HU' }
const BAR_WIDTH = 50
const ACCENT = '#1f5c99'
const MUTED = '#666666'
const NONE = '—'

/** The report laid out for print: a title, then one section per part, tables with page numbers below. */
export function reportDocument(report: Report, language: Language): TDocumentDefinitions {
  const words = reportWords[language]
  const local = (text: LocalizedText | null | undefined) => (text ? (text[language] ?? text.ro) : NONE)
  const day = (moment: string) =>
    new Intl.DateTimeFormat(LOCALES[language], {
      dateStyle: 'long',
      timeZone: moment.length === 10 ? 'UTC' : (report.city?.timeZone ?? 'UTC'),
    }).format(new Date(moment.length === 10 ? `${moment}T12:00:00Z` : moment))
  const city = report.city ? local(report.city.name) : ''
  return {
    info: { title: `${words.title} ${report.year}${city ? ` · ${city}` : ''}`, creator: 'Cetate' },
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    defaultStyle: { fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 20, bold: true, color: ACCENT },
      subtitle: { fontSize: 13, margin: [0, 4, 0, 2] },
      section: { fontSize: 14, bold: true, color: ACCENT, margin: [0, 18, 0, 6] },
      heading: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      head: { bold: true, fillColor: '#e8eef5' },
      muted: { color: MUTED },
    },
    footer: (page, pages) => ({
      text: words.page(page, pages),
      alignment: 'center',
      fontSize: 8,
      color: MUTED,
      margin: [0, 16, 0, 0],
    }),
    content: [
      { text: words.title, style: 'title' },
      { text: [city, city ? ' · ' : '', String(report.year)].join(''), style: 'subtitle' },
      { text: `${words.generated} ${day(report.generatedAt)}`, style: 'muted', margin: [0, 0, 0, 6] },
      ...projectsSection(report, words, local, day),
      ...objectivesSection(report, words, local),
      ...pilotsSection(report, words, local),
      ...challengeSection(report, words, local),
      ...planSection(report, words, local, day),
    ],
  }
}

type Local = (text: LocalizedText | null | undefined) => string
type Day = (moment: string) => string

const head = (labels: readonly string[]): TableCell[] => labels.map((text) => ({ text, style: 'head' }))

function table(widths: (string | number)[], rows: TableCell[][]): Content {
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: rows },
    layout: 'lightHorizontalLines',
  }
}

/** Completion as a bar and its percentage, the bar drawn so that it prints the same everywhere. */
function bar(completion: number | null): TableCell {
  if (completion === null) return { text: NONE, style: 'muted' }
  const filled = (BAR_WIDTH * Math.min(100, Math.max(0, completion))) / 100
  return {
    columns: [
      {
        width: BAR_WIDTH,
        canvas: [
          { type: 'rect', x: 0, y: 2, w: BAR_WIDTH, h: 7, color: '#dde3ea' },
          ...(filled > 0 ? [{ type: 'rect' as const, x: 0, y: 2, w: filled, h: 7, color: ACCENT }] : []),
        ],
      },
      { width: 'auto', text: `${Math.round(completion)} %`, margin: [4, 0, 0, 0] },
    ],
  }
}

function projectsSection(report: Report, words: ReportWords, local: Local, day: Day): Content[] {
  const { projects } = report
  type Tally = Pick<Report['projects'], 'total' | 'atRisk' | 'byStatus'>
  const row = (label: string, counts: Tally) => [
    label,
    ...PROJECT_STATUSES.map((status) => String(counts.byStatus[status])),
    { text: String(counts.total), bold: true },
    String(counts.atRisk),
  ]
  return [
    { text: words.projects, style: 'section' },
    { text: words.projectsIntro(projects.total, projects.atRisk) },
    { text: words.byKindAndStatus, style: 'heading' },
    table(
      ['*', ...PROJECT_STATUSES.map(() => 'auto'), 'auto', 'auto'],
      [
        head([
          words.kind,
          ...PROJECT_STATUSES.map((status) => words.statuses[status]),
          words.total,
          words.atRisk,
        ]),
        ...projects.byKind.map((kind) => row(words.kinds[kind.kind], kind)),
        row(words.total, projects).map((cell) =>
          typeof cell === 'string' ? { text: cell, bold: true } : cell,
        ),
      ],
    ),
    { text: words.allProjects, style: 'heading' },
    table(
      ['*', 62, 96, 66, 88],
      [
        head([words.project, words.kind, words.owner, words.status, words.completion]),
        ...projects.items.map((project) => [
          project.atRisk ? { text: local(project.title), bold: true } : local(project.title),
          words.kinds[project.kind],
          { text: project.owner ? local(project.owner.name) : NONE, fontSize: 8 },
          project.atRisk
            ? { text: `${words.statuses[project.status]} · ${words.atRisk}` }
            : words.statuses[project.status],
          bar(project.completion),
        ]),
      ],
    ),
    { text: words.completedInYear, style: 'heading' },
    projects.completedInYear.length === 0
      ? { text: words.noneCompleted, style: 'muted' }
      : table(
          ['*', 'auto', 'auto'],
          [
            head([words.project, words.kind, words.completedOn]),
            ...projects.completedInYear.map((project) => [
              local(project.title),
              words.kinds[project.kind],
              day(project.completedOn),
            ]),
          ],
        ),
  ]
}

/** A score is the KPIs' value against their target: shown as a percentage of the target. */
const score = (value: number | null) => (value === null ? NONE : `${Math.round(value * 100)} %`)

function objectivesSection(report: Report, words: ReportWords, local: Local): Content[] {
  const { objectives } = report
  const statuses = (counts: Record<(typeof KPI_STATUSES)[number], number>) =>
    KPI_STATUSES.filter((status) => counts[status] > 0)
      .map((status) => `${counts[status]} ${words.kpiStatuses[status]}`)
      .join(', ') || NONE
  return [
    { text: words.objectives, style: 'section' },
    { text: words.objectivesIntro(objectives.kpis.total, objectives.kpis.automatic, objectives.kpis.manual) },
    table(
      ['*', 'auto', 'auto', 150],
      [
        head([words.objective, words.scoreStart, words.scoreEnd, words.kpis]),
        ...objectives.items.map((objective) => [
          objective.code ? `${objective.code}. ${local(objective.title)}` : local(objective.title),
          score(objective.start),
          score(objective.end),
          `${objective.kpis.total}: ${statuses(objective.kpis.byStatus)}`,
        ]),
        [
          { text: words.city, bold: true },
          { text: score(objectives.city.start), bold: true },
          { text: score(objectives.city.end), bold: true },
          `${objectives.kpis.total}: ${statuses(objectives.kpis.byStatus)}`,
        ],
      ],
    ),
  ]
}

function pilotsSection(report: Report, words: ReportWords, local: Local): Content[] {
  const { pilots } = report
  return [
    { text: words.pilots, style: 'section' },
    pilots.items.length === 0
      ? { text: words.noPilots, style: 'muted' }
      : table(
          [110, 'auto', '*', '*'],
          [
            head([words.project, words.decision, words.reasons, words.lessons]),
            ...pilots.items.map((pilot) => [
              local(pilot.title),
              { text: words.decisions[pilot.decision], bold: true },
              local(pilot.reasons),
              local(pilot.lessons),
            ]),
          ],
        ),
  ]
}

function challengeSection(report: Report, words: ReportWords, local: Local): Content[] {
  const { challenge } = report
  if (!challenge)
    return [
      { text: words.challenge, style: 'section' },
      { text: words.noChallenge, style: 'muted' },
    ]
  return [
    { text: `${words.challenge} ${report.year}`, style: 'section' },
    { text: [{ text: `${words.theme}: `, bold: true }, local(challenge.theme)] },
    {
      text: `${words.submissions}: ${challenge.submissions} · ${words.participants}: ${challenge.participants}`,
      margin: [0, 2, 0, 6],
    },
    challenge.published
      ? table(
          ['auto', '*', 'auto', 'auto', 'auto'],
          [
            head([words.rank, words.submission, words.score, words.votes, words.becamePilot]),
            ...challenge.ranking.map((entry) => [
              String(entry.rank),
              entry.organisation
                ? {
                    text: [
                      local(entry.title),
                      { text: ` · ${local(entry.organisation.name)}`, style: 'muted' },
                    ],
                  }
                : local(entry.title),
              entry.score === null ? NONE : entry.score.toFixed(2),
              String(entry.votes),
              entry.pilot ? words.yes : NONE,
            ]),
          ],
        )
      : { text: words.notPublished, style: 'muted' },
  ]
}

function planSection(report: Report, words: ReportWords, local: Local, day: Day): Content[] {
  const { plan } = report
  if (!plan)
    return [
      { text: words.plan(report.year + 1), style: 'section' },
      { text: words.noPlan, style: 'muted' },
    ]
  return [
    { text: words.plan(report.year + 1), style: 'section' },
    ...local(plan.text)
      .split(/\n\s*\n/)
      .map((paragraph): Content => ({ text: paragraph.trim(), margin: [0, 0, 0, 6] })),
    { text: `${words.updatedOn} ${day(plan.updatedAt)}`, style: 'muted' },
  ]
}
