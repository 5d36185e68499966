import type { Actor } from '../../../platform/access/access.ts'
import type { DemoOutcome, ModuleContext } from '../../../platform/module.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import { findColleagueByEmail } from '../../identity/index.ts'
import {
  insertChallenge,
  insertSubmission,
  markResultsPublished,
  selectChallenge,
  setEligibility,
} from './challenge-store.ts'
import { insertJuror, insertVote, upsertScore } from './jury-store.ts'
import { makePilot } from './pilot.ts'

const YEAR = 2026
const DEMO = ' (Exemplu demonstrativ.)'
const DEMO_EN = ' (A demo example.)'

const criteria = [
  {
    key: 'impact',
    title: { ro: 'Impact pentru locuitori', en: 'Impact on residents', hu: 'Hatás a lakosokra' },
    weight: 40,
  },
  {
    key: 'feasibility',
    title: { ro: 'Fezabilitate', en: 'Feasibility', hu: 'Megvalósíthatóság' },
    weight: 30,
  },
  { key: 'innovation', title: { ro: 'Inovare', en: 'Innovation', hu: 'Innováció' }, weight: 15 },
  {
    key: 'scalability',
    title: { ro: 'Potențial de extindere', en: 'Potential to scale', hu: 'Bővíthetőség' },
    weight: 15,
  },
]

interface DemoSubmission {
  by: string
  title: LocalizedText
  summary: LocalizedText
  objectives: string[]
  team: { name: string; role: string }[]
  budget: number
  plan: LocalizedText
  eligible: boolean
  reason: string
  /** The office's scores per criterion, in the order above. */
  scores: number[]
  votes: string[]
}

const submissions: DemoSubmission[] = [
  {
    by: 'ana@cluj-napoca.example',
    title: { ro: 'Aer curat la școală', en: 'Clean air at school' },
    summary: {
      ro: `Senzori de calitate a aerului în curțile a zece școli, cu datele publicate pe platformă și alerte pentru părinți.${DEMO}`,
      en: `Air quality sensors in ten school yards, with the data published on the platform and alerts for parents.${DEMO_EN}`,
    },
    objectives: ['objective-3', 'transversal'],
    team: [
      { name: 'Ana M.', role: 'coordonatoare' },
      { name: 'Asociația Părinților din Mănăștur', role: 'partener' },
    ],
    budget: 38_000,
    plan: { ro: 'Șase luni: instalare în trei școli, apoi în încă șapte după evaluarea datelor.' },
    eligible: true,
    reason: 'Îndeplinește toate condițiile apelului.',
    scores: [9, 8, 7, 8],
    votes: ['laszlo@cluj-napoca.example'],
  },
  {
    by: 'laszlo@cluj-napoca.example',
    title: { ro: 'Formulare în trei limbi', en: 'Forms in three languages', hu: 'Űrlapok három nyelven' },
    summary: {
      ro: `Formularele ghișeului digital oferite și în maghiară și engleză, cu traduceri verificate de comunitate.${DEMO}`,
      en: `The digital desk's forms in Hungarian and English too, with translations checked by the community.${DEMO_EN}`,
    },
    objectives: ['objective-1', 'objective-4'],
    team: [
      { name: 'Kovács L.', role: 'lider de proiect' },
      { name: 'Echipa Háromnyelvű', role: 'traduceri' },
    ],
    budget: 22_500,
    plan: { ro: 'Trei luni: cele mai cerute zece formulare, apoi restul după feedback.' },
    eligible: true,
    reason: 'Îndeplinește toate condițiile apelului.',
    scores: [8, 9, 6, 9],
    votes: ['maria@cluj-napoca.example'],
  },
  {
    by: 'maria@cluj-napoca.example',
    title: { ro: 'Parcări de biciclete vizibile', en: 'Bike parking you can see' },
    summary: {
      ro: `Locurile libere din parcările de biciclete, în timp real pe hartă, din senzori ieftini.${DEMO}`,
      en: `Free spaces in bike parking, live on the map, from low-cost sensors.${DEMO_EN}`,
    },
    objectives: ['objective-3', 'transversal'],
    team: [{ name: 'Maria I.', role: 'inițiatoare' }],
    budget: 15_000,
    plan: { ro: 'Patru luni în centru și în Mărăști, apoi decizia de extindere.' },
    eligible: true,
    reason: 'Îndeplinește toate condițiile apelului.',
    scores: [7, 8, 7, 7],
    votes: [],
  },
  {
    by: 'ana@cluj-napoca.example',
    title: { ro: 'Aplicație de fotografiat gropi', en: 'A pothole photo app' },
    summary: {
      ro: `O aplicație separată pentru raportarea gropilor din carosabil.${DEMO}`,
      en: `A separate app for reporting potholes.${DEMO_EN}`,
    },
    objectives: ['objective-4'],
    team: [],
    budget: 60_000,
    plan: { ro: 'Dezvoltare în două luni.' },
    eligible: false,
    reason:
      'Dublează serviciul de sesizări existent al primăriei; propunerea poate fi adusă ca îmbunătățire a acestuia.',
    scores: [],
    votes: [],
  },
]

/**
 * The 2026 challenge as a finished example: four submissions from the demo citizens, the office's
 * jury scores, two public votes, published results and the winner turned into a pilot project.
 * Runs after the portfolio's projects are loaded; does nothing if 2026 exists or the people are missing.
 */
export async function loadDemoChallenge(context: ModuleContext): Promise<DemoOutcome | undefined> {
  if (await selectChallenge(context.db, YEAR)) return undefined
  const office = await findColleagueByEmail(context.db, 'inovare@cluj-napoca.example')
  const people = new Map<string, string>()
  for (const email of new Set(submissions.flatMap((entry) => [entry.by, ...entry.votes]))) {
    const person = await findColleagueByEmail(context.db, email)
    if (person) people.set(email, person.id)
  }
  if (!office || people.size === 0) return undefined
  const challengeId = await insertChallenge(context.db, {
    year: YEAR,
    theme: {
      ro: 'Un oraș mai sănătos și mai deschis',
      en: 'A healthier, more open city',
      hu: 'Egészségesebb, nyitottabb város',
    },
    description: {
      ro: 'Provocarea anuală a Clujului: idei de pilot pentru servicii publice, date și sustenabilitate. Exemplu demonstrativ.',
      en: "Cluj's yearly challenge: pilot ideas for public services, data and sustainability. A demo example.",
    },
    objective_keys: ['objective-1', 'objective-3', 'objective-4', 'transversal'],
    criteria,
    submissions_open: new Date('2026-03-01T08:00:00Z'),
    submissions_close: new Date('2026-05-31T21:00:00Z'),
    evaluation_close: new Date('2026-07-15T21:00:00Z'),
    public_vote: true,
    voting_open: new Date('2026-06-01T08:00:00Z'),
    voting_close: new Date('2026-06-30T21:00:00Z'),
    results_at: new Date('2026-09-15T10:00:00Z'),
  })
  await insertJuror(context.db, challengeId, office.id)
  const ids: string[] = []
  for (const entry of submissions) {
    const author = people.get(entry.by)
    if (!author) continue
    const id = await insertSubmission(context.db, challengeId, author, {
      title: entry.title,
      summary: entry.summary,
      objective_keys: entry.objectives,
      team: entry.team,
      budget_asked: entry.budget,
      pilot_plan: entry.plan,
      organisation_id: null,
    })
    ids.push(id)
    await setEligibility(context.db, id, entry.eligible ? 'eligible' : 'ineligible', entry.reason)
    for (const [index, score] of entry.scores.entries())
      await upsertScore(context.db, id, office.id, { criterion: criteria[index]!.key, score, comment: null })
    for (const voter of entry.votes) {
      const person = people.get(voter)
      if (person) await insertVote(context.db, challengeId, person, id)
    }
  }
  await markResultsPublished(context.db, challengeId)
  const actor: Actor = { kind: 'person', personId: office.id, assurance: 'high', via: 'session' }
  // The first submission ranks first: (9×40 + 8×30 + 7×15 + 8×15) / 100 = 8.25.
  const pilot = await makePilot(context, actor, YEAR, ids[0]!, { requestId: 'demo' })
  return {
    summary: `the ${YEAR} challenge with ${ids.length} submissions, its results and the winner as pilot "${pilot.slug}"`,
  }
}
