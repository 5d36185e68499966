import type { FastifyInstance } from 'fastify'
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { Database } from '../db/database.ts'
import type { MetricsRegistry } from '../metrics/metrics-registry.ts'

/** Prometheus exposition at `/metrics`: the process, HTTP timings and every module measurement. */
export function registerPrometheus(app: FastifyInstance, metrics: MetricsRegistry, db: Database): void {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'cetate_' })
  const duration = new Histogram({
    name: 'cetate_http_request_duration_seconds',
    help: 'Time to answer HTTP requests',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })
  new Gauge({
    name: 'cetate_measurement',
    help: 'Current value of each measurement published by the modules (see /api/metrics)',
    labelNames: ['name', 'unit'],
    registers: [registry],
    async collect() {
      this.reset()
      for (const value of await metrics.measureAll(db)) {
        if (value.value !== null) this.set({ name: value.name, unit: value.unit }, value.value)
      }
    },
  })

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched'
    duration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    )
  })
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType)
    return registry.metrics()
  })
}
