import { LocalText } from './local-text.tsx'
import type { Project } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'

type Pilot = NonNullable<Project['pilot']>

/** Where a pilot stands (tested, evaluated, then scaled, iterated or abandoned) and why the board decided so. */
export function PilotDecision({ pilot }: { pilot: Pilot }) {
  const { t, word, moment } = usePortfolioWords()
  return (
    <section aria-labelledby="pilot-heading">
      <h2 id="pilot-heading">{t('pilot.heading')}</h2>
      <ol className="pilot-stages">
        {(['proof_of_concept', 'evaluated', 'decision'] as const).map((step) => {
          const reached =
            step === 'proof_of_concept' ||
            (step === 'evaluated' && pilot.stage !== 'proof_of_concept') ||
            (step === 'decision' && ['scale', 'iterate', 'abandon'].includes(pilot.stage))
          const label =
            step === 'decision' && reached ? word('pilotStages', pilot.stage) : word('pilotSteps', step)
          return (
            <li
              key={step}
              className={reached ? 'pilot-stages__step pilot-stages__step--reached' : 'pilot-stages__step'}
            >
              {label}
              <span className="visually-hidden"> ({reached ? t('pilot.reached') : t('pilot.ahead')})</span>
            </li>
          )
        })}
      </ol>
      <p>{t('pilot.stage', { stage: word('pilotStages', pilot.stage) })}</p>
      {pilot.decidedAt && <p className="muted">{t('pilot.decidedAt', { date: moment(pilot.decidedAt) })}</p>}
      <dl className="facts facts--compact">
        <div>
          <dt>{t('pilot.reasons')}</dt>
          <dd>{pilot.reasons ? <LocalText value={pilot.reasons} /> : t('pilot.notYet')}</dd>
        </div>
        <div>
          <dt>{t('pilot.lessons')}</dt>
          <dd>{pilot.lessons ? <LocalText value={pilot.lessons} /> : t('pilot.notYet')}</dd>
        </div>
      </dl>
    </section>
  )
}
