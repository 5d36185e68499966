import { createHash } from 'node:crypto'
import type * as RDF from '@rdfjs/types'
import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { slugify } from '../../../platform/text/slug.ts'
import '../events.ts'
import { mayInOrganisation, notAllowed } from '../service/permissions.ts'
import { Publishers } from '../service/publishers.ts'
import { fetchPage, MAX_PAGES, nextPageOf } from './harvest-fetch.ts'
import { type HarvestedDataset, mapCatalogue } from './harvest-mapping.ts'
import type { HarvestSource, HarvestSourceCreate } from './harvest-schemas.ts'
import {
  deleteHarvestedDatasets,
  type HarvestedWrite,
  type HarvestOutcome,
  type HarvestSourceRow,
  insertHarvestedDataset,
  insertHarvestSource,
  lockHarvestSource,
  readGeometry,
  selectHarvestedRows,
  selectHarvestSource,
  selectHarvestSources,
  selectNamesLike,
  updateHarvestedDataset,
  updateHarvestOutcome,
} from './harvest-store.ts'
import { detectFormat, parseDocument } from './parse.ts'
import type { RdfFormat } from './serialize.ts'

export const HARVEST_ACTION = 'catalog.harvest.manage'

export interface HarvestRequest {
  requestId: string
}

/** A document sent with a run, harvested instead of the source's URL or stored document. */
export interface SentDocument {
  text: string
  mediaType: string | null
}

const personId = (actor: Actor): string | null =>
  actor.kind === 'person' ? actor.personId : actor.kind === 'api_key' ? actor.personId : null

const iso = (value: Date | string) => new Date(value).toISOString()

const fetchDisabled = () =>
  new Problem(
    403,
    'CATALOG_HARVEST_FETCH_DISABLED',
    'This server does not fetch remote catalogues',
    'Fetching addresses that callers name is off (OUTBOUND_FETCH=false). An administrator can turn it on by ' +
      'starting the server with OUTBOUND_FETCH=true; until then, send the catalogue itself (Turtle, RDF/XML or ' +
      'JSON-LD) as `document`, or in the body of POST /api/catalog/harvest-sources/{id}/run.',
  )

const sourceNotFound = (id: string) =>
  new Problem(
    404,
    'CATALOG_HARVEST_SOURCE_NOT_FOUND',
    'No such harvest source',
    `No harvest source ${id} that you may manage; GET /api/catalog/harvest-sources lists yours.`,
  )

function toSource(row: HarvestSourceRow, publishers: Publishers): HarvestSource {
  return {
    id: row.id,
    organisation: publishers.byId(row.organisation_id).slug,
    url: row.url,
    hasDocument: row.document !== null,
    format: row.format,
    createdAt: iso(row.created_at),
    lastRunAt: row.last_run_at ? iso(row.last_run_at) : null,
    lastOutcome: row.last_outcome,
  }
}

export async function createHarvestSource(
  context: ModuleContext,
  actor: Actor,
  input: HarvestSourceCreate,
  request: HarvestRequest,
): Promise<HarvestSource> {
  const publishers = await Publishers.load(context)
  const organisation = publishers.bySlug(input.organisation)
  if (!organisation)
    throw new Problem(
      400,
      'CATALOG_ORGANISATION_UNKNOWN',
      'No such organisation',
      `No organisation "${input.organisation}"; GET /api/organisations lists them.`,
    )
  if (!(await mayInOrganisation(context, actor, HARVEST_ACTION, organisation.id)))
    throw notAllowed(`harvest catalogues into "${organisation.slug}"`)
  if (!input.url === !input.document)
    throw new Problem(
      400,
      'CATALOG_HARVEST_SOURCE_INVALID',
      'Name a URL or send a document',
      'A harvest source is either a `url` to fetch at each run or a `document` (Turtle, RDF/XML or JSON-LD), not both.',
    )
  if (input.url && !context.settings.outboundFetch) throw fetchDisabled()
  if (input.document) {
    const format = input.format ?? detectFormat(input.document)
    await parseDocument(input.document, format, baseIri(context))
  }
  const row = await insertHarvestSource(context.db, {
    organisationId: organisation.id,
    url: input.url ?? null,
    document: input.document ?? null,
    format: input.format ?? null,
    createdBy: personId(actor),
  })
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'catalog.harvest_source.create',
    target: { type: 'harvest_source', id: row.id },
    outcome: 'success',
    details: { organisation: organisation.slug, url: row.url, document: row.document !== null },
    requestId: request.requestId,
  })
  return toSource(row, publishers)
}

/** The sources of the organisations the caller may harvest into. */
export async function listHarvestSources(context: ModuleContext, actor: Actor): Promise<HarvestSource[]> {
  const publishers = await Publishers.load(context)
  const allowed = new Map<string, boolean>()
  const sources: HarvestSource[] = []
  for (const row of await selectHarvestSources(context.db)) {
    let may = allowed.get(row.organisation_id)
    if (may === undefined) {
      may = await mayInOrganisation(context, actor, HARVEST_ACTION, row.organisation_id)
      allowed.set(row.organisation_id, may)
    }
    if (may) sources.push(toSource(row, publishers))
  }
  return sources
}

async function sourceToManage(context: ModuleContext, actor: Actor, id: string): Promise<HarvestSourceRow> {
  const row = await selectHarvestSource(context.db, id)
  if (!row || !(await mayInOrganisation(context, actor, HARVEST_ACTION, row.organisation_id)))
    throw sourceNotFound(id)
  return row
}

export async function getHarvestSource(
  context: ModuleContext,
  actor: Actor,
  id: string,
): Promise<HarvestSource> {
  return toSource(await sourceToManage(context, actor, id), await Publishers.load(context))
}

/** Relative IRIs in a harvested document resolve against our catalogue, never against nothing. */
const baseIri = (context: ModuleContext) =>
  `${context.settings.publicUrl.replace(/\/+$/, '')}/api/catalog/harvested/`

/** Reads the source's catalogue: the document sent, or every page of its URL, or its stored document. */
async function readCatalogue(
  context: ModuleContext,
  source: HarvestSourceRow,
  sent: SentDocument | undefined,
): Promise<{ quads: RDF.Quad[]; pages: number }> {
  const parse = (text: string, mediaType: string | null, fixed: RdfFormat | null, base: string) =>
    parseDocument(text, fixed ?? detectFormat(text, mediaType), base)
  if (sent) return { quads: await parse(sent.text, sent.mediaType, null, baseIri(context)), pages: 1 }
  if (source.document !== null)
    return { quads: await parse(source.document, null, source.format, baseIri(context)), pages: 1 }
  if (!context.settings.outboundFetch) throw fetchDisabled()
  const quads: RDF.Quad[] = []
  const seen = new Set<string>()
  let url: string | undefined = source.url ?? undefined
  while (url && !seen.has(url) && seen.size < MAX_PAGES) {
    seen.add(url)
    const page = await fetchPage(url)
    const pageQuads = await parse(page.text, page.mediaType, source.format, url)
    quads.push(...pageQuads)
    url = nextPageOf(pageQuads)
  }
  return { quads, pages: seen.size }
}

const emptyOutcome = (): HarvestOutcome => ({
  status: 'succeeded',
  created: 0,
  updated: 0,
  unchanged: 0,
  removed: 0,
  skipped: 0,
  pages: 0,
  problems: [],
})

/**
 * Harvests the source into its organisation in one transaction: new datasets are published, changed
 * ones updated, unchanged ones left alone, and those the source no longer lists removed.
 */
export async function runHarvest(
  context: ModuleContext,
  actor: Actor,
  id: string,
  sent: SentDocument | undefined,
  request: HarvestRequest,
): Promise<HarvestOutcome> {
  const source = await sourceToManage(context, actor, id)
  let read: { quads: RDF.Quad[]; pages: number }
  try {
    read = await readCatalogue(context, source, sent)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    await updateHarvestOutcome(context.db, id, { ...emptyOutcome(), status: 'failed', problems: [reason] })
    await recordAudit(context.db, {
      actor: auditActor(actor),
      action: 'catalog.harvest.run',
      target: { type: 'harvest_source', id },
      outcome: 'failure',
      details: { reason },
      requestId: request.requestId,
    })
    throw error
  }

  const mapped = mapCatalogue(read.quads)
  const outcome: HarvestOutcome = {
    ...emptyOutcome(),
    pages: read.pages,
    skipped: mapped.skipped,
    problems: mapped.problems,
  }
  // Geometries are read by the database before the transaction: a bad one must not abort it.
  const writes = new Map<string, HarvestedWrite>()
  for (const dataset of mapped.datasets) {
    if (writes.has(dataset.iri)) continue
    const geometry = dataset.geometry ? await readGeometry(context.db, dataset.geometry) : undefined
    if (dataset.geometry && !geometry)
      outcome.problems.push(`${dataset.iri}: its geometry could not be read.`)
    writes.set(dataset.iri, { dataset, geometry, digest: digestOf(dataset, geometry) })
  }

  const changed: { id: string; name: string; change: 'created' | 'updated' | 'deleted' }[] = []
  await context.db.transaction().execute(async (trx) => {
    await lockHarvestSource(trx, id)
    const existing = new Map((await selectHarvestedRows(trx, id)).map((row) => [row.source_iri, row]))
    for (const [iri, write] of writes) {
      const row = existing.get(iri)
      if (!row) {
        const name = await uniqueName(trx, write.dataset)
        const datasetId = await insertHarvestedDataset(trx, write, {
          name,
          organisationId: source.organisation_id,
          sourceId: id,
          createdBy: personId(actor),
        })
        changed.push({ id: datasetId, name, change: 'created' })
        outcome.created++
      } else if (row.harvest_digest !== write.digest) {
        await updateHarvestedDataset(trx, row.id, write)
        changed.push({ id: row.id, name: row.name, change: 'updated' })
        outcome.updated++
      } else {
        outcome.unchanged++
      }
    }
    const gone = [...existing.values()].filter((row) => !writes.has(row.source_iri))
    await deleteHarvestedDatasets(
      trx,
      gone.map((row) => row.id),
    )
    for (const row of gone) changed.push({ id: row.id, name: row.name, change: 'deleted' })
    outcome.removed = gone.length
    outcome.problems = outcome.problems.slice(0, 100)
    await updateHarvestOutcome(trx, id, outcome)
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'catalog.harvest.run',
      target: { type: 'harvest_source', id },
      outcome: 'success',
      details: {
        created: outcome.created,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        removed: outcome.removed,
        skipped: outcome.skipped,
        pages: outcome.pages,
      },
      requestId: request.requestId,
    })
  })
  for (const { id: datasetId, name, change } of changed)
    context.events.emit('DatasetChanged', { datasetId, name, change })
  return outcome
}

function digestOf(dataset: HarvestedDataset, geometry: object | undefined): string {
  return createHash('sha256').update(JSON.stringify({ dataset, geometry })).digest('hex')
}

/** A URL name from the Romanian title, with -2, -3... when it is taken. */
async function uniqueName(db: ModuleContext['db'], dataset: HarvestedDataset): Promise<string> {
  const slug = slugify(dataset.title.ro).slice(0, 80).replace(/-+$/, '')
  const stem = slug.length >= 2 ? slug : `set-${slug || 'date'}`
  const taken = await selectNamesLike(db, stem)
  if (!taken.has(stem)) return stem
  for (let suffix = 2; ; suffix++) if (!taken.has(`${stem}-${suffix}`)) return `${stem}-${suffix}`
}
