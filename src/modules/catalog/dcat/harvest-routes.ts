import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import {
  createHarvestSource,
  getHarvestSource,
  HARVEST_ACTION,
  listHarvestSources,
  runHarvest,
} from './harvest.ts'
import { HarvestOutcomeSchema, HarvestSourceCreateSchema, HarvestSourceSchema } from './harvest-schemas.ts'
import { RDF_FORMATS } from './serialize.ts'

const problem = { $ref: 'Problem#' }
const tags = ['catalog', 'dcat']
const access = { action: HARVEST_ACTION }
const Params = Type.Object({ id: Type.String({ format: 'uuid' }) })
const DOCUMENT_TYPES = Object.values(RDF_FORMATS)

/** Harvest sources: remote DCAT catalogues (a URL or a document) written into an organisation. */
export async function harvestRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  await server.register(async (scope) => {
    // A run may carry the catalogue itself as its body, in any of the three RDF formats.
    scope.addContentTypeParser(DOCUMENT_TYPES, { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    )
    const app = scope.withTypeProvider<TypeBoxTypeProvider>()
    app.addSchema(HarvestSourceSchema)
    const facts = (request: { id: unknown }) => ({ requestId: String(request.id) })

    app.post(
      '/api/catalog/harvest-sources',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Register a remote DCAT catalogue to harvest into an organisation',
          description:
            'Either a `url` (fetched at each run; the server must run with OUTBOUND_FETCH=true) or a `document` ' +
            '(Turtle, RDF/XML or JSON-LD) kept with the source. A document is checked when it is registered.',
          body: HarvestSourceCreateSchema,
          response: { 201: Type.Ref('CatalogHarvestSource'), 400: problem, 403: problem },
        },
      },
      async (request, reply) => {
        const source = await createHarvestSource(context, request.actor, request.body, facts(request))
        reply.code(201).header('location', `/api/catalog/harvest-sources/${source.id}`)
        return source
      },
    )

    app.get(
      '/api/catalog/harvest-sources',
      {
        config: { access },
        schema: {
          tags,
          summary: 'The harvest sources of the organisations you may harvest into, with their last outcome',
          response: { 200: Type.Object({ items: Type.Array(Type.Ref('CatalogHarvestSource')) }) },
        },
      },
      async (request) => ({ items: await listHarvestSources(context, request.actor) }),
    )

    app.get(
      '/api/catalog/harvest-sources/:id',
      {
        config: { access },
        schema: {
          tags,
          summary: 'One harvest source and how its last run went',
          params: Params,
          response: { 200: Type.Ref('CatalogHarvestSource'), 404: problem },
        },
      },
      async (request) => getHarvestSource(context, request.actor, request.params.id),
    )

    app.post(
      '/api/catalog/harvest-sources/:id/run',
      {
        config: { access },
        schema: {
          tags,
          summary: "Harvest now: create, update and remove the organisation's harvested datasets",
          description:
            "Without a body the source's URL (every Hydra page) or stored document is read. With a body " +
            `(${DOCUMENT_TYPES.join(', ')}) that document is harvested instead, e.g. a file. ` +
            'A malformed document answers 400 with the line the parser stopped at.',
          params: Params,
          response: { 200: HarvestOutcomeSchema, 400: problem, 403: problem, 404: problem, 502: problem },
        },
      },
      async (request) => {
        // A JSON body was parsed already: it is a JSON-LD document, sent back to text for the parser.
        const body = request.body
        const text =
          typeof body === 'string' ? body : body && typeof body === 'object' ? JSON.stringify(body) : ''
        const sent = text.trim()
          ? {
              text,
              mediaType:
                typeof body === 'string' ? (request.headers['content-type'] ?? null) : 'application/ld+json',
            }
          : undefined
        return runHarvest(context, request.actor, request.params.id, sent, facts(request))
      },
    )
  })
}
