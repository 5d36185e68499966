import type { LocalizedText } from '../../platform/text/localized.ts'
import type { PilotStage, ProjectStatus } from './vocabularies.ts'

const STATUS: Record<ProjectStatus, LocalizedText> = {
  idea: { ro: 'idee', en: 'idea', hu: 'ötlet' },
  proposed: { ro: 'propus', en: 'proposed', hu: 'javasolt' },
  approved: { ro: 'aprobat', en: 'approved', hu: 'jóváhagyott' },
  in_progress: { ro: 'în implementare', en: 'in progress', hu: 'folyamatban' },
  completed: { ro: 'finalizat', en: 'completed', hu: 'befejezett' },
  stopped: { ro: 'oprit', en: 'stopped', hu: 'leállítva' },
}

const STAGE: Record<PilotStage, LocalizedText> = {
  proof_of_concept: { ro: 'testare (proof of concept)', en: 'proof of concept', hu: 'koncepcióigazolás' },
  evaluated: { ro: 'evaluat', en: 'evaluated', hu: 'értékelt' },
  scale: { ro: 'extins la scară', en: 'scaled up', hu: 'kiterjesztve' },
  iterate: { ro: 'reluat cu modificări', en: 'iterated', hu: 'újragondolva' },
  abandon: { ro: 'abandonat', en: 'abandoned', hu: 'elvetve' },
}

const each = (build: (language: 'ro' | 'en' | 'hu') => string): LocalizedText => ({
  ro: build('ro'),
  en: build('en'),
  hu: build('hu'),
})

/** What the timeline says of a status change, in each language. */
export const statusChanged = (from: ProjectStatus, to: ProjectStatus): LocalizedText =>
  each((language) => {
    const label = { ro: 'Stare', en: 'Status', hu: 'Állapot' }[language]
    return `${label}: ${STATUS[from][language]} → ${STATUS[to][language]}`
  })

export const pilotDecided = (stage: PilotStage): LocalizedText =>
  each(
    (language) =>
      `${{ ro: 'Proiect pilot', en: 'Pilot', hu: 'Kísérleti projekt' }[language]}: ${STAGE[stage][language]}`,
  )

export const assessed = (kind: string, passes: boolean): LocalizedText =>
  each((language) => {
    const what = {
      impact: { ro: 'Analiza de impact', en: 'Impact analysis', hu: 'Hatáselemzés' },
      security: {
        ro: 'Matricea riscurilor de securitate',
        en: 'Security risk matrix',
        hu: 'Biztonsági kockázati mátrix',
      },
      gdpr: { ro: 'Verificarea GDPR', en: 'GDPR check', hu: 'GDPR-ellenőrzés' },
    }[kind as 'impact' | 'security' | 'gdpr'][language]
    const verdict = passes
      ? { ro: 'îndeplinește standardele', en: 'meets the standards', hu: 'megfelel' }[language]
      : { ro: 'nu îndeplinește standardele', en: 'falls short', hu: 'nem felel meg' }[language]
    return `${what}: ${verdict}`
  })

export const milestoneChanged = (title: LocalizedText, progress: number): LocalizedText =>
  each((language) => `${title[language] ?? title.ro}: ${progress} %`)

export const documentAdded = (title: LocalizedText): LocalizedText =>
  each(
    (language) =>
      `${{ ro: 'Document nou', en: 'New document', hu: 'Új dokumentum' }[language]}: ${title[language] ?? title.ro}`,
  )
