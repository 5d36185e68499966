import type { Language } from '../../../platform/text/localized.ts'
import type { PilotDecision, ProjectKind, ProjectStatus } from '../vocabularies.ts'
import type { KPI_STATUSES } from './report-schemas.ts'

/** The report's fixed words in each of the platform's languages. */
export interface ReportWords {
  title: string
  generated: string
  page: (page: number, pages: number) => string
  projects: string
  projectsIntro: (total: number, atRisk: number) => string
  byKindAndStatus: string
  kind: string
  total: string
  atRisk: string
  allProjects: string
  project: string
  owner: string
  status: string
  completion: string
  completedInYear: string
  completedOn: string
  noneCompleted: string
  objectives: string
  objectivesIntro: (total: number, automatic: number, manual: number) => string
  objective: string
  scoreStart: string
  scoreEnd: string
  kpis: string
  city: string
  pilots: string
  decision: string
  reasons: string
  lessons: string
  noPilots: string
  challenge: string
  theme: string
  submissions: string
  participants: string
  rank: string
  submission: string
  score: string
  votes: string
  becamePilot: string
  yes: string
  noChallenge: string
  notPublished: string
  plan: (next: number) => string
  noPlan: string
  updatedOn: string
  kinds: Record<ProjectKind, string>
  statuses: Record<ProjectStatus, string>
  decisions: Record<PilotDecision, string>
  kpiStatuses: Record<(typeof KPI_STATUSES)[number], string>
}

const ro: ReportWords = {
  title: 'Raportul anual al Directorului de Inovare',
  generated: 'Generat la',
  page: (page, pages) => `Pagina ${page} din ${pages}`,
  projects: 'Portofoliul de proiecte',
  projectsIntro: (total, atRisk) => `${total} proiecte în portofoliu, dintre care ${atRisk} în întârziere.`,
  byKindAndStatus: 'Proiecte după tip și stare',
  kind: 'Tip',
  total: 'Total',
  atRisk: 'În întârziere',
  allProjects: 'Gradul de realizare al fiecărui proiect',
  project: 'Proiect',
  owner: 'Responsabil',
  status: 'Stare',
  completion: 'Realizare',
  completedInYear: 'Proiecte finalizate în cursul anului',
  completedOn: 'Finalizat la',
  noneCompleted: 'Niciun proiect finalizat în acest an.',
  objectives: 'Progresul indicatorilor pe obiective',
  objectivesIntro: (total, automatic, manual) =>
    `${total} indicatori publici: ${automatic} măsurați automat, ${manual} introduși manual.`,
  objective: 'Obiectiv',
  scoreStart: 'Scor la început de an',
  scoreEnd: 'Scor la sfârșit de an',
  kpis: 'Indicatori',
  city: 'Orașul, per total',
  pilots: 'Proiecte pilot decise și motivele',
  decision: 'Decizie',
  reasons: 'Motive',
  lessons: 'Lecții învățate',
  noPilots: 'Niciun proiect pilot decis în acest an.',
  challenge: 'Provocarea Cluj pentru Transformare Digitală',
  theme: 'Tema',
  submissions: 'Propuneri',
  participants: 'Participanți',
  rank: 'Loc',
  submission: 'Propunere',
  score: 'Punctaj',
  votes: 'Voturi',
  becamePilot: 'Devenit pilot',
  yes: 'da',
  noChallenge: 'Nicio provocare în acest an.',
  notPublished: 'Rezultatele nu sunt încă publicate.',
  plan: (next) => `Planul pentru ${next}`,
  noPlan: 'Planul nu a fost încă scris.',
  updatedOn: 'Actualizat la',
  kinds: { core: 'proiect-cheie', flexible: 'portofoliu flexibil', pilot: 'pilot' },
  statuses: {
    idea: 'idee',
    proposed: 'propus',
    approved: 'aprobat',
    in_progress: 'în implementare',
    completed: 'finalizat',
    stopped: 'oprit',
  },
  decisions: { scale: 'extins la scară', iterate: 'reluat cu modificări', abandon: 'abandonat' },
  kpiStatuses: {
    met: 'atinse',
    on_track: 'pe drumul bun',
    at_risk: 'în risc',
    missed: 'ratate',
    unknown: 'fără date',
  },
}

const en: ReportWords = {
  title: "The Chief Innovation Officer's annual report",
  generated: 'Generated on',
  page: (page, pages) => `Page ${page} of ${pages}`,
  projects: 'The project portfolio',
  projectsIntro: (total, atRisk) => `${total} projects in the portfolio, ${atRisk} of them behind schedule.`,
  byKindAndStatus: 'Projects by kind and status',
  kind: 'Kind',
  total: 'Total',
  atRisk: 'Behind',
  allProjects: "Each project's degree of completion",
  project: 'Project',
  owner: 'Answerable',
  status: 'Status',
  completion: 'Completion',
  completedInYear: 'Projects completed during the year',
  completedOn: 'Completed on',
  noneCompleted: 'No project was completed this year.',
  objectives: 'KPI progress per objective',
  objectivesIntro: (total, automatic, manual) =>
    `${total} public KPIs: ${automatic} measured automatically, ${manual} entered by hand.`,
  objective: 'Objective',
  scoreStart: 'Score at the start of the year',
  scoreEnd: 'Score at the end of the year',
  kpis: 'KPIs',
  city: 'The city overall',
  pilots: 'Pilots decided, and why',
  decision: 'Decision',
  reasons: 'Reasons',
  lessons: 'Lessons learned',
  noPilots: 'No pilot was decided this year.',
  challenge: 'The Cluj Digital Transformation Challenge',
  theme: 'Theme',
  submissions: 'Submissions',
  participants: 'Participants',
  rank: 'Rank',
  submission: 'Submission',
  score: 'Score',
  votes: 'Votes',
  becamePilot: 'Became a pilot',
  yes: 'yes',
  noChallenge: 'No challenge this year.',
  notPublished: 'The results are not published yet.',
  plan: (next) => `The plan for ${next}`,
  noPlan: 'The plan has not been written yet.',
  updatedOn: 'Updated on',
  kinds: { core: 'core project', flexible: 'flexible portfolio', pilot: 'pilot' },
  statuses: {
    idea: 'idea',
    proposed: 'proposed',
    approved: 'approved',
    in_progress: 'in progress',
    completed: 'completed',
    stopped: 'stopped',
  },
  decisions: { scale: 'scaled up', iterate: 'iterated', abandon: 'abandoned' },
  kpiStatuses: { met: 'met', on_track: 'on track', at_risk: 'at risk', missed: 'missed', unknown: 'no data' },
}

const hu: ReportWords = {
  title: 'Az innovációs igazgató éves jelentése',
  generated: 'Készült',
  page: (page, pages) => `${page}. oldal / ${pages}`,
  projects: 'A projektportfólió',
  projectsIntro: (total, atRisk) => `${total} projekt a portfólióban, ebből ${atRisk} késésben.`,
  byKindAndStatus: 'Projektek típus és állapot szerint',
  kind: 'Típus',
  total: 'Összesen',
  atRisk: 'Késésben',
  allProjects: 'Az egyes projektek készültségi foka',
  project: 'Projekt',
  owner: 'Felelős',
  status: 'Állapot',
  completion: 'Készültség',
  completedInYear: 'Az év során befejezett projektek',
  completedOn: 'Befejezve',
  noneCompleted: 'Ebben az évben egy projekt sem fejeződött be.',
  objectives: 'A mutatók előrehaladása célkitűzésenként',
  objectivesIntro: (total, automatic, manual) =>
    `${total} nyilvános mutató: ${automatic} automatikusan mért, ${manual} kézzel rögzített.`,
  objective: 'Célkitűzés',
  scoreStart: 'Pontszám az év elején',
  scoreEnd: 'Pontszám az év végén',
  kpis: 'Mutatók',
  city: 'A város összesen',
  pilots: 'Eldöntött kísérleti projektek és indoklásuk',
  decision: 'Döntés',
  reasons: 'Indoklás',
  lessons: 'Tanulságok',
  noPilots: 'Ebben az évben egy kísérleti projektről sem született döntés.',
  challenge: 'A kolozsvári digitális átalakulási kihívás',
  theme: 'Téma',
  submissions: 'Pályázatok',
  participants: 'Résztvevők',
  rank: 'Helyezés',
  submission: 'Pályázat',
  score: 'Pontszám',
  votes: 'Szavazatok',
  becamePilot: 'Kísérleti projekt lett',
  yes: 'igen',
  noChallenge: 'Ebben az évben nem volt kihívás.',
  notPublished: 'Az eredményeket még nem tették közzé.',
  plan: (next) => `A ${next}. évi terv`,
  noPlan: 'A terv még nem készült el.',
  updatedOn: 'Frissítve',
  kinds: { core: 'kulcsprojekt', flexible: 'rugalmas portfólió', pilot: 'kísérleti' },
  statuses: {
    idea: 'ötlet',
    proposed: 'javasolt',
    approved: 'jóváhagyott',
    in_progress: 'folyamatban',
    completed: 'befejezett',
    stopped: 'leállítva',
  },
  decisions: { scale: 'kiterjesztve', iterate: 'újragondolva', abandon: 'elvetve' },
  kpiStatuses: {
    met: 'teljesült',
    on_track: 'jó úton',
    at_risk: 'veszélyben',
    missed: 'nem teljesült',
    unknown: 'nincs adat',
  },
}

export const reportWords: Record<Language, ReportWords> = { ro, en, hu }
