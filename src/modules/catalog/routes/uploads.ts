import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ModuleContext } from '../../../platform/module.ts'
import { openDownload } from '../datastore/download.ts'
import { tooLarge } from '../datastore/file-store.ts'
import {
  LoadParamsSchema,
  LoadSchema,
  LoadStartSchema,
  UploadQuerySchema,
} from '../datastore/load-schemas.ts'
import { failInterruptedLoads, getLoad, startLoad, UPLOAD_ACTION, uploadFile } from '../datastore/loads.ts'
import { DatasetParamsSchema, ResourceParamsSchema } from '../schemas.ts'

const problem = { $ref: 'Problem#' }
const tags = ['catalog']
const UPLOAD_TYPES = ['text/csv', 'application/json', 'application/geo+json', 'application/octet-stream']

/**
 * Uploads and loads: a file's body goes to disk as it arrives, its preview comes back, the
 * publisher corrects the types and starts the load, and polls its progress.
 */
export async function uploadRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  app.addSchema(LoadSchema)
  const facts = (request: { id: unknown }) => ({ requestId: String(request.id) })
  const interrupted = await failInterruptedLoads(context)
  if (interrupted > 0)
    context.log.warn({ loads: interrupted }, 'catalog loads interrupted by a stop marked failed')

  // The upload's own scope: its body is a stream handed to the route, never parsed or buffered.
  await app.register(async (scope) => {
    const uploads = scope.withTypeProvider<TypeBoxTypeProvider>()
    uploads.removeAllContentTypeParsers()
    uploads.addContentTypeParser('*', (_request: FastifyRequest, payload: IncomingMessage, done) =>
      done(null, payload),
    )
    uploads.post(
      '/api/catalog/datasets/:name/uploads',
      {
        config: { access: { action: UPLOAD_ACTION } },
        schema: {
          tags,
          summary:
            'Upload a CSV, JSON or GeoJSON file; answers its preview (encoding, delimiter, columns, types, rows)',
          description: `The body is the file itself (${UPLOAD_TYPES.join(', ')}), up to UPLOAD_LIMIT_BYTES. Name it with ?filename= or Content-Disposition. Start the load with POST /api/catalog/loads/{id}/start.`,
          consumes: UPLOAD_TYPES,
          params: DatasetParamsSchema,
          querystring: UploadQuerySchema,
          response: {
            201: LoadSchema,
            400: problem,
            401: problem,
            403: problem,
            404: problem,
            413: problem,
            422: problem,
          },
        },
      },
      async (request, reply) => {
        const limit = context.settings.uploadLimitBytes
        if (Number(request.headers['content-length'] ?? 0) > limit) {
          reply.header('connection', 'close')
          throw tooLarge(limit)
        }
        const mediaType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() || null
        const name =
          request.query.filename ?? dispositionName(request.headers['content-disposition']) ?? 'upload'
        const load = await uploadFile(
          context,
          request.actor,
          request.params.name,
          // Fastify hands no body for an empty request: an empty file, which the preview refuses.
          (request.body as IncomingMessage | undefined) ?? Readable.from([]),
          { name: safeFileName(name), mediaType },
          facts(request),
        ).catch((error: unknown) => {
          reply.header('connection', 'close')
          throw error
        })
        reply.code(201)
        return load
      },
    )
  })

  app.post(
    '/api/catalog/loads/:id/start',
    {
      config: { access: { action: UPLOAD_ACTION } },
      schema: {
        tags,
        summary: 'Load an uploaded file with corrected column names and types (in the background)',
        params: LoadParamsSchema,
        body: LoadStartSchema,
        response: { 202: LoadSchema, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request, reply) => {
      const load = await startLoad(context, request.actor, request.params.id, request.body, facts(request))
      reply.code(202)
      return load
    },
  )

  app.get(
    '/api/catalog/loads/:id',
    {
      config: { access: { action: UPLOAD_ACTION } },
      schema: {
        tags,
        summary: "A load's preview, progress and bad rows",
        params: LoadParamsSchema,
        response: { 200: LoadSchema, 401: problem, 403: problem, 404: problem },
      },
    },
    async (request) => getLoad(context, request.actor, request.params.id),
  )

  app.get(
    '/api/catalog/resources/:id/download',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The file as uploaded (counted as a download of its dataset)',
        params: ResourceParamsSchema,
        response: { 404: problem },
      },
    },
    async (request, reply) => {
      const download = await openDownload(context, request.actor, request.params.id)
      reply.type(download.mediaType)
      reply.header('content-length', download.byteSize)
      reply.header('content-disposition', contentDisposition(download.fileName))
      if (download.sha256)
        reply.header('digest', `sha-256=${Buffer.from(download.sha256, 'hex').toString('base64')}`)
      return reply.send(download.stream)
    },
  )
}

/** The file name of `Content-Disposition: attachment; filename="x.csv"` (or `filename*=UTF-8''x.csv`). */
function dispositionName(header: string | undefined): string | undefined {
  if (!header) return undefined
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1]
  if (extended) {
    try {
      return decodeURIComponent(extended.trim())
    } catch {}
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1]?.trim() || undefined
}

/** A file name to keep and show: no folders, no control characters. */
function safeFileName(name: string): string {
  const kept = [...name.replace(/[/\\]/g, '_')].filter((character) => {
    const code = character.charCodeAt(0)
    return code >= 0x20 && code !== 0x7f
  })
  return kept.join('').slice(0, 255) || 'upload'
}

function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}
