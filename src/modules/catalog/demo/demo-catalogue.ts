import { Type } from 'typebox'
import type { DataPack, DemoOutcome, ModuleContext } from '../../../platform/module.ts'
import { type LocalizedText, LocalizedTextSchema } from '../../../platform/text/localized.ts'
import { parseWith } from '../../../platform/validation/parse.ts'
import { DatasetCreateSchema } from '../schemas.ts'
import { Publishers } from '../service/publishers.ts'
import { insertDataset, updateDatasetStatus } from '../store/datasets.ts'
import { insertResource } from '../store/resources.ts'

const DemoDatasetsSchema = Type.Object({
  datasets: Type.Array(
    Type.Object(
      {
        ...DatasetCreateSchema.properties,
        files: Type.Optional(Type.Array(Type.Object({ path: Type.String(), title: LocalizedTextSchema }))),
        live: Type.Optional(Type.Array(Type.Object({ type: Type.String(), title: LocalizedTextSchema }))),
        links: Type.Optional(
          Type.Array(Type.Object({ url: Type.String(), format: Type.String(), title: LocalizedTextSchema })),
        ),
      },
      { additionalProperties: false },
    ),
  ),
})

/** Loads a file of the pack into a new resource of the dataset, through the ingestion path. */
export type DemoFileLoader = (
  context: ModuleContext,
  dataset: { id: string; name: string },
  file: { absolutePath: string; title: LocalizedText },
) => Promise<void>

/** The demo catalogue: real Cluj figures where we have them, examples labelled as such. */
export async function loadDemoCatalogue(
  context: ModuleContext,
  pack: DataPack,
  loadFile: DemoFileLoader,
): Promise<DemoOutcome | undefined> {
  const manifestEntry = pack.manifest.catalog
  if (typeof manifestEntry !== 'string') return undefined
  const { datasets } = parseWith(DemoDatasetsSchema, await pack.readJson(manifestEntry), manifestEntry)
  const publishers = await Publishers.load(context)
  let resources = 0
  for (const { files = [], live = [], links = [], organisation, name, ...fields } of datasets) {
    const publisher = publishers.bySlug(organisation)
    if (!publisher) throw new Error(`${manifestEntry}: no organisation "${organisation}" in the pack`)
    if (!name) throw new Error(`${manifestEntry}: every demo dataset needs a name`)
    const id = await insertDataset(context.db, {
      name,
      organisationId: publisher.id,
      createdBy: null,
      title: fields.title,
      description: fields.description,
      keywords: fields.keywords ?? [],
      themes: fields.themes ?? [],
      licence: fields.licence,
      accessLevel: fields.accessLevel ?? 'open',
      spatialArea: fields.spatial?.area ?? null,
      spatialGeometry: fields.spatial?.geometry ?? null,
      temporalStart: fields.temporal?.start ?? null,
      temporalEnd: fields.temporal?.end ?? null,
      frequency: fields.frequency ?? 'UNKNOWN',
      contactPoint: fields.contactPoint ?? null,
      version: fields.version ?? null,
    })
    for (const file of files) {
      await loadFile(
        context,
        { id, name },
        { absolutePath: `${pack.directory}/${file.path}`, title: file.title },
      )
      resources++
    }
    for (const entry of live) {
      await insertResource(context.db, {
        datasetId: id,
        kind: 'live',
        title: entry.title,
        format: 'NGSI-LD',
        liveType: entry.type,
      })
      resources++
    }
    for (const link of links) {
      await insertResource(context.db, {
        datasetId: id,
        kind: 'link',
        title: link.title,
        format: link.format,
        url: link.url,
      })
      resources++
    }
    await updateDatasetStatus(context.db, id, 'published')
  }
  return { summary: `${datasets.length} open datasets with ${resources} resources` }
}
