import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { DEFAULT_PAGE_SIZE, exportCatalogue, exportDataset, MAX_PAGE_SIZE } from '../dcat/export.ts'
import { harvestRoutes } from '../dcat/harvest-routes.ts'
import { cataloguePageIri, DCAT_PATH } from '../dcat/iris.ts'
import { negotiateFormat } from '../dcat/negotiation.ts'
import { RDF_FORMATS, type RdfFormat, serialize } from '../dcat/serialize.ts'

const problem = { $ref: 'Problem#' }
const tags = ['catalog', 'dcat']
const EXTENSION = /\.(ttl|jsonld|rdf)$/
const document = Type.String({ description: 'A DCAT-AP 3.0.1 document: Turtle, JSON-LD or RDF/XML' })

const PageQuerySchema = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })),
  },
  { additionalProperties: false },
)

async function answer(reply: FastifyReply, quads: Parameters<typeof serialize>[0], format: RdfFormat) {
  reply.header('vary', 'accept')
  reply.type(`${RDF_FORMATS[format]}; charset=utf-8`)
  return serialize(quads, format)
}

/** DCAT-AP 3.0.1 export of the open catalogue (paged as harvesters expect) and of each dataset. */
export async function dcatRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()

  const catalogue = (fixed?: RdfFormat) =>
    app.get(
      `${DCAT_PATH}/catalog${fixed ? `.${fixed}` : ''}`,
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: fixed
            ? `The open data catalogue as DCAT-AP 3.0.1 (${RDF_FORMATS[fixed]}), paged`
            : 'The open data catalogue as DCAT-AP 3.0.1, paged; the format follows Accept',
          description:
            'Published open datasets only, ordered by name. Hydra paging (hydra:PagedCollection with ' +
            'firstPage/nextPage/lastPage, and hydra:first/next/last) and Link headers lead to the other pages.',
          querystring: PageQuerySchema,
          response: { 200: document, 400: problem, 404: problem, 406: problem },
        },
      },
      async (request, reply) => {
        const format = fixed ?? negotiateFormat(request.headers.accept)
        const page = request.query.page ?? 1
        const pageSize = request.query.pageSize ?? DEFAULT_PAGE_SIZE
        const { quads, total } = await exportCatalogue(context, page, pageSize)
        const lastPage = Math.max(1, Math.ceil(total / pageSize))
        if (page > lastPage)
          throw new Problem(
            404,
            'CATALOG_DCAT_PAGE_NOT_FOUND',
            'No such page',
            `The catalogue has ${lastPage} page(s) of ${pageSize} datasets; ask for page 1 to ${lastPage}.`,
          )
        const link = (number: number, rel: string) =>
          `<${cataloguePageIri(context.settings.publicUrl, number, pageSize)}>; rel="${rel}"`
        reply.header(
          'link',
          [
            link(1, 'first'),
            link(lastPage, 'last'),
            ...(page > 1 ? [link(page - 1, 'prev')] : []),
            ...(page < lastPage ? [link(page + 1, 'next')] : []),
          ].join(', '),
        )
        return answer(reply, quads, format)
      },
    )
  catalogue()
  for (const format of Object.keys(RDF_FORMATS) as RdfFormat[]) catalogue(format)

  app.get(
    `${DCAT_PATH}/datasets/:name`,
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One published open dataset as DCAT-AP 3.0.1',
        description:
          "The dataset's IRI: it answers Turtle, JSON-LD or RDF/XML by Accept, or by the extension `.ttl`, `.jsonld`, `.rdf`.",
        params: Type.Object({ name: Type.String({ maxLength: 110 }) }),
        response: { 200: document, 404: problem, 406: problem },
      },
    },
    async (request, reply) => {
      const extension = EXTENSION.exec(request.params.name)
      const name = extension ? request.params.name.slice(0, extension.index) : request.params.name
      const format = (extension?.[1] as RdfFormat | undefined) ?? negotiateFormat(request.headers.accept)
      return answer(reply, await exportDataset(context, name), format)
    },
  )

  await harvestRoutes(server, context)
}
