import { Readable } from 'node:stream'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { columnStatistics } from '../records/column-statistics.ts'
import { geometrySource } from '../records/geometry-source.ts'
import { parseFilters, parseNames } from '../records/parse-filters.ts'
import { getLoadedResource, readRecords } from '../records/read-records.ts'
import { type ExportFormat, exportRecords } from '../records/record-export.ts'
import {
  ColumnStatisticsSchema,
  DownloadQuerySchema,
  RecordPageSchema,
  RecordsQuerySchema,
  StatisticsQuerySchema,
} from '../records/record-schemas.ts'
import { ResourceParamsSchema } from '../schemas.ts'
import { recordUsage } from '../usage.ts'

const problem = { $ref: 'Problem#' }
const tags = ['catalog']

const DOWNLOADS: Record<ExportFormat, { mediaType: string; summary: string }> = {
  csv: {
    mediaType: 'text/csv; charset=utf-8',
    summary: 'Download the rows as CSV (formula-like cells escaped)',
  },
  json: { mediaType: 'application/json; charset=utf-8', summary: 'Download the rows as a JSON array' },
  geojson: {
    mediaType: 'application/geo+json; charset=utf-8',
    summary: 'Download the rows as GeoJSON features',
  },
}

/** Reading a resource's datastore table: pages of records, statistics for charts, and streamed downloads. */
export async function recordRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/api/catalog/resources/:id/records',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "Rows of a resource's table: filtered, searched, sorted, paged by offset or keyset",
        params: ResourceParamsSchema,
        querystring: RecordsQuerySchema,
        response: { 200: RecordPageSchema, 400: problem, 404: problem },
      },
    },
    async (request) => {
      const { id } = request.params
      const query = request.query
      const page = await readRecords(context, request.actor, id, {
        filters: parseFilters(query.filters),
        q: query.q,
        fields: parseNames(query.fields),
        sort: query.sort,
        limit: query.limit ?? 100,
        offset: query.offset,
        includeTotal: query.includeTotal,
        after: query.after,
        distinct: query.distinct,
      })
      const next = page.next
        ? `/api/catalog/resources/${id}/records?${new URLSearchParams(
            Object.entries({ ...query, after: page.next })
              .filter(([name, value]) => value !== undefined && name !== 'offset')
              .map(([name, value]) => [name, String(value)]),
          )}`
        : undefined
      return {
        fields: page.fields,
        records: page.records,
        sort: page.sort,
        ...(page.total === undefined ? {} : { total: page.total }),
        ...(next ? { next } : {}),
      }
    },
  )

  app.get(
    '/api/catalog/resources/:id/records/statistics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Minimum, maximum, mean and a downsampled series of a numeric column, for a chart',
        params: ResourceParamsSchema,
        querystring: StatisticsQuerySchema,
        response: { 200: ColumnStatisticsSchema, 400: problem, 404: problem },
      },
    },
    async (request) => {
      const { dataset, table } = await getLoadedResource(context, request.actor, request.params.id)
      const statistics = await columnStatistics(
        context.db,
        table,
        request.query.column,
        request.query.points ?? 200,
      )
      recordUsage(context, dataset.id, 'api_call')
      return statistics
    },
  )

  for (const format of Object.keys(DOWNLOADS) as ExportFormat[]) {
    app.get(
      `/api/catalog/resources/:id/records.${format}`,
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: DOWNLOADS[format].summary,
          description: 'Streamed from the database a batch at a time, in file order.',
          params: ResourceParamsSchema,
          querystring: DownloadQuerySchema,
          response: { 400: problem, 404: problem },
        },
      },
      async (request, reply) => {
        const { dataset, resource, table } = await getLoadedResource(
          context,
          request.actor,
          request.params.id,
        )
        const geometry = geometrySource(table.columns)
        if (format === 'geojson' && !geometry)
          throw new Problem(
            404,
            'CATALOG_NO_GEOMETRY',
            'These rows have no geometry',
            'The table has neither a geometry column nor latitude and longitude columns; download it as CSV or JSON.',
          )
        const where = { filters: parseFilters(request.query.filters), q: request.query.q }
        // The first chunk comes after the first batch is read: a bad filter is a 400, not a broken download.
        const chunks = exportRecords(context.db, table, format, where, geometry)
        const first = await chunks.next()
        recordUsage(context, dataset.id, 'download')
        async function* body(): AsyncGenerator<string> {
          if (!first.done) yield first.value
          yield* chunks
        }
        return reply
          .type(DOWNLOADS[format].mediaType)
          .header(
            'content-disposition',
            `attachment; filename="${dataset.name}-${resource.position + 1}.${format}"`,
          )
          .send(Readable.from(body()))
      },
    )
  }
}
