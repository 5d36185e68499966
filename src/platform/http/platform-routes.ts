import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { Database } from '../db/database.ts'
import type { MetricsRegistry } from '../metrics/metrics-registry.ts'

export interface Readiness {
  ready: boolean
  checks: Record<string, { ok: boolean; detail?: string }>
}

export interface PlatformInfo {
  name: string
  version: string
  modules: string[]
}

const MeasuredValueSchema = Type.Object({
  name: Type.String(),
  description: Type.String(),
  unit: Type.String(),
  value: Type.Union([Type.Number(), Type.Null()]),
  measuredAt: Type.String({ format: 'date-time' }),
  error: Type.Optional(Type.String()),
})

/** Liveness, readiness, the platform's identity and the module measurements. */
export function registerPlatformRoutes(
  app: FastifyInstance,
  deps: { db: Database; metrics: MetricsRegistry; info: PlatformInfo; readiness: () => Promise<Readiness> },
): void {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'The process is alive',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  )

  app.get(
    '/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'The database is reachable and every migration is applied',
        response: {
          200: Type.Object({ ready: Type.Boolean(), checks: Type.Record(Type.String(), Type.Unknown()) }),
          503: Type.Object({ ready: Type.Boolean(), checks: Type.Record(Type.String(), Type.Unknown()) }),
        },
      },
    },
    async (_request, reply) => {
      const readiness = await deps.readiness()
      return reply.code(readiness.ready ? 200 : 503).send(readiness)
    },
  )

  app.get(
    '/api/platform',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Name, version and installed modules',
        response: {
          200: Type.Object({
            name: Type.String(),
            version: Type.String(),
            modules: Type.Array(Type.String()),
          }),
        },
      },
    },
    async () => deps.info,
  )

  app.get(
    '/api/metrics',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Every measurement the modules publish, with its current value',
        response: { 200: Type.Object({ items: Type.Array(MeasuredValueSchema) }) },
      },
    },
    async () => ({ items: await deps.metrics.measureAll(deps.db) }),
  )
}
