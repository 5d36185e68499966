import { ScrollRegion } from '../live/parts.tsx'
import type { Kpi, Measurement } from './dashboard-api.ts'
import { useDashboardWords } from './words.ts'

const isLink = (text: string) => /^https?:\/\/\S+$/i.test(text)

/** Every value recorded for a KPI, newest first, those a later value replaced marked as such. */
export function MeasurementsTable({ kpi, measurements }: { kpi: Kpi; measurements: Measurement[] }) {
  const { t, valueWithUnit, percent, period, moment } = useDashboardWords()
  return (
    <ScrollRegion labelledBy="measurements-heading">
      <table className="dashboard-table measurements">
        <thead>
          <tr>
            <th scope="col">{t('measurements.period')}</th>
            <th scope="col">{t('measurements.value')}</th>
            <th scope="col">{t('measurements.score')}</th>
            <th scope="col">{t('measurements.source')}</th>
            <th scope="col">{t('measurements.evidence')}</th>
            <th scope="col">{t('measurements.recordedAt')}</th>
            <th scope="col">{t('measurements.state')}</th>
          </tr>
        </thead>
        <tbody>
          {measurements.map((measurement) => (
            <tr
              key={`${measurement.period}-${measurement.recordedAt}`}
              className={measurement.superseded ? 'measurement--superseded' : undefined}
            >
              <th scope="row">{period(measurement.period, kpi.frequency)}</th>
              <td className="number">{valueWithUnit(measurement.value, kpi.unit)}</td>
              <td className="number">{measurement.score === null ? '–' : percent(measurement.score)}</td>
              <td>{t(measurement.source === 'metric' ? 'source.metric' : 'source.manual')}</td>
              <td className="measurement__evidence">
                {measurement.evidence ? (
                  isLink(measurement.evidence) ? (
                    <a href={measurement.evidence} rel="noopener noreferrer">
                      {measurement.evidence}
                    </a>
                  ) : (
                    measurement.evidence
                  )
                ) : (
                  t('measurements.noEvidence')
                )}
                {measurement.note && (
                  <span className="measurement__note">
                    {t('measurements.note')}: {measurement.note}
                  </span>
                )}
              </td>
              <td>{moment(measurement.recordedAt)}</td>
              <td>{measurement.superseded ? t('measurements.superseded') : t('measurements.current')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  )
}
