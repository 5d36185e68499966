import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import { assessQuality } from '../quality.ts'
import {
  DatasetCreateSchema,
  DatasetParamsSchema,
  DatasetPatchSchema,
  DatasetSearchQuerySchema,
  DatasetSearchResultSchema,
  DatasetStatusChangeSchema,
  QualitySchema,
} from '../schemas.ts'
import {
  createDataset,
  deleteDataset,
  getDataset,
  getDatasetToChange,
  searchDatasets,
  setDatasetStatus,
  updateDataset,
} from '../service.ts'

const problem = { $ref: 'Problem#' }
const tags = ['catalog']
const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean)

const SORT_DIRECTION = {
  relevance: 'desc',
  modified: 'desc',
  created: 'desc',
  title: 'asc',
  name: 'asc',
} as const

export async function datasetRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const facts = (request: { id: unknown }) => ({ requestId: String(request.id) })

  app.get(
    '/api/catalog/datasets',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Find datasets: words (with or without diacritics), facets, sorting',
        querystring: DatasetSearchQuerySchema,
        response: { 200: DatasetSearchResultSchema, 400: problem },
      },
    },
    async (request) => {
      const query = request.query
      const sort = query.sort ?? 'relevance'
      return searchDatasets(context, request.actor, {
        text: query.q,
        filters: {
          organisation: list(query.organisation),
          theme: list(query.theme),
          format: list(query.format),
          licence: list(query.licence),
          keyword: list(query.keyword),
        },
        includePrivate: query.mine ?? false,
        status: query.status,
        sort: { by: sort, direction: SORT_DIRECTION[sort] },
        offset: query.offset,
        limit: query.limit,
        lang: query.lang,
      })
    },
  )

  app.get(
    '/api/catalog/datasets/:name',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One dataset with its resources',
        params: DatasetParamsSchema,
        response: { 200: Type.Ref('CatalogDataset'), 404: problem },
      },
    },
    async (request) => getDataset(context, request.actor, request.params.name),
  )

  app.post(
    '/api/catalog/datasets',
    {
      config: { access: { action: 'catalog.dataset.create' } },
      schema: {
        tags,
        summary: 'Create a dataset (a draft) for an organisation',
        body: DatasetCreateSchema,
        response: { 201: Type.Ref('CatalogDataset'), 400: problem, 403: problem, 409: problem },
      },
    },
    async (request, reply) => {
      const dataset = await createDataset(context, request.actor, request.body, facts(request))
      return reply.code(201).header('location', `/api/catalog/datasets/${dataset.name}`).send(dataset)
    },
  )

  app.patch(
    '/api/catalog/datasets/:name',
    {
      config: { access: { action: 'catalog.dataset.update' } },
      schema: {
        tags,
        summary: "Change a dataset's metadata",
        params: DatasetParamsSchema,
        body: DatasetPatchSchema,
        response: { 200: Type.Ref('CatalogDataset'), 400: problem, 403: problem, 404: problem },
      },
    },
    async (request) =>
      updateDataset(context, request.actor, request.params.name, request.body, facts(request)),
  )

  app.put(
    '/api/catalog/datasets/:name/status',
    {
      config: { access: { action: 'catalog.dataset.update' } },
      schema: {
        tags,
        summary: 'Publish, archive or take back a dataset to draft',
        params: DatasetParamsSchema,
        body: DatasetStatusChangeSchema,
        response: { 200: Type.Ref('CatalogDataset'), 403: problem, 404: problem, 409: problem },
      },
    },
    async (request) =>
      setDatasetStatus(context, request.actor, request.params.name, request.body.status, facts(request)),
  )

  app.delete(
    '/api/catalog/datasets/:name',
    {
      config: { access: { action: 'catalog.dataset.delete' } },
      schema: {
        tags,
        summary: 'Delete a dataset, its resources and their data',
        params: DatasetParamsSchema,
        response: { 204: Type.Null(), 403: problem, 404: problem },
      },
    },
    async (request, reply) => {
      await deleteDataset(context, request.actor, request.params.name, facts(request))
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/catalog/datasets/:name/quality',
    {
      config: { access: { action: 'catalog.dataset.update' } },
      schema: {
        tags,
        summary: "The dataset's quality score with what to fix (for its publisher)",
        params: DatasetParamsSchema,
        response: { 200: QualitySchema, 403: problem, 404: problem },
      },
    },
    async (request) =>
      assessQuality(
        await getDatasetToChange(context, request.actor, request.params.name, 'catalog.dataset.update'),
      ),
  )
}
