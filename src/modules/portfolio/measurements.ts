import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import type { Measurement } from '../../platform/metrics/measurement.ts'

async function countProjects(db: Database, where: ReturnType<typeof sql>): Promise<number> {
  const { rows } = await sql<{ count: number }>`SELECT count(*)::int AS count FROM portfolio.projects
    WHERE ${where}`.execute(db)
  return rows[0]!.count
}

const measure = (
  name: string,
  description: string,
  unit: string,
  where: ReturnType<typeof sql>,
): Measurement => ({
  name,
  description,
  unit,
  measure: (db) => countProjects(db, where),
})

/** Figures the strategy's KPIs bind to: projects by kind and status, pilots and their outcomes, hubs' projects. */
export const portfolioMeasurements: readonly Measurement[] = [
  measure('portfolio.projects', 'Projects in the portfolio (any kind, any status)', 'project', sql`true`),
  measure(
    'portfolio.projects.in_progress',
    'Projects being implemented',
    'project',
    sql`status = 'in_progress'`,
  ),
  measure('portfolio.projects.completed', 'Projects completed', 'project', sql`status = 'completed'`),
  measure('portfolio.projects.core', 'Core projects', 'project', sql`kind = 'core'`),
  measure(
    'portfolio.projects.flexible',
    'Projects of the flexible portfolio',
    'project',
    sql`kind = 'flexible'`,
  ),
  measure(
    'portfolio.pilots.running',
    'Pilots approved or being tested, not yet decided',
    'pilot',
    sql`kind = 'pilot' AND status IN ('approved', 'in_progress') AND pilot_stage IN ('proof_of_concept', 'evaluated', 'iterate')`,
  ),
  measure(
    'portfolio.pilots.scaled',
    'Pilots scaled up after their test',
    'pilot',
    sql`kind = 'pilot' AND pilot_stage = 'scale'`,
  ),
  measure(
    'portfolio.pilots.abandoned',
    'Pilots abandoned after their test',
    'pilot',
    sql`kind = 'pilot' AND pilot_stage = 'abandon'`,
  ),
  measure(
    'portfolio.projects.from_hubs',
    'Projects started by innovation hubs and clusters',
    'project',
    sql`origin = 'innovation_hub'`,
  ),
]
