import { SingleBar } from 'cli-progress'
import { type Command, InvalidArgumentError, Option } from 'commander'
import type { Cetate } from '../../../cetate.ts'
import type { ConfigOverrides } from '../../../config.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { StartupError } from '../../../platform/startup-error.ts'
import { importFile } from '../datastore/import-file.ts'
import type { Load } from '../datastore/load-schemas.ts'
import { type ColumnType, ColumnTypeSchema } from '../schemas.ts'
import { Publishers } from '../service/publishers.ts'
import { insertDataset, selectDatasetByName, UNDESCRIBED } from '../store/datasets.ts'

interface ImportOptions extends ConfigOverrides {
  dataset: string
  title?: string
  types?: Record<string, ColumnType>
  organisation?: string
  replace?: string
}

const COLUMN_TYPES = ColumnTypeSchema.enum as readonly ColumnType[]
const say = (line: string) => process.stdout.write(`${line}\n`)

function columnTypes(text: string): Record<string, ColumnType> {
  const types: Record<string, ColumnType> = {}
  for (const pair of text.split(',')) {
    const at = pair.lastIndexOf('=')
    const name = pair.slice(0, at).trim()
    const type = pair.slice(at + 1).trim() as ColumnType
    if (at <= 0 || !COLUMN_TYPES.includes(type))
      throw new InvalidArgumentError(`expected column=type pairs, types being ${COLUMN_TYPES.join(', ')}`)
    types[name] = type
  }
  return types
}

/**
 * `cetate import <file> --dataset <name>`: loads a CSV, JSON or GeoJSON file into a dataset's
 * datastore on this machine, by the same path as an upload, with a progress bar.
 */
export function registerImportCommand(
  program: Command,
  open: (overrides: ConfigOverrides) => Promise<Cetate>,
): void {
  program
    .command('import')
    .description("load a CSV, JSON or GeoJSON file into a dataset's datastore (as an upload would)")
    .argument('<file>', 'the file to load')
    .requiredOption('--dataset <name>', 'the dataset (its URL name)')
    .option('--title <title>', 'title of the new resource (and of the dataset, when created)')
    .option('--types <pairs>', 'types instead of the inferred ones: column=type,…', columnTypes)
    .option(
      '--organisation <slug>',
      'create the dataset as a draft of this organisation when it does not exist',
    )
    .option('--replace <resource>', "replace this uploaded resource's file and table")
    .addOption(new Option('--data-dir <dir>', 'embedded database directory (env DATA_DIR, default ./data)'))
    .addOption(
      new Option(
        '--database-url <url>',
        'PostgreSQL server instead of the embedded database (env DATABASE_URL)',
      ),
    )
    .action(async (file: string, options: ImportOptions) => {
      const cetate = await open(options)
      try {
        const load = await run(cetate, file, options)
        report(load)
      } finally {
        await cetate.close()
      }
    })
}

async function run(cetate: Cetate, file: string, options: ImportOptions): Promise<Load> {
  const context = cetate.context
  const datasetId = await findOrCreateDataset(cetate, options)
  const bar = new SingleBar({
    format: 'Loading {file} [{bar}] {percentage}% | {rows} rows | ETA {eta_formatted}',
    hideCursor: true,
  })
  let started = false
  try {
    return await importFile(
      context,
      {
        datasetId,
        path: file,
        title: options.title,
        ...(options.types ? { types: options.types } : {}),
        resourceId: options.replace,
        createdBy: null,
      },
      (progress) => {
        if (!started) bar.start(progress.bytesTotal, 0, { file, rows: 0 })
        started = true
        bar.update(progress.bytesRead, { rows: progress.rows.toLocaleString('en-GB') })
      },
    )
  } catch (error) {
    throw new StartupError((error as Error).message)
  } finally {
    if (started) bar.stop()
  }
}

async function findOrCreateDataset(cetate: Cetate, options: ImportOptions): Promise<string> {
  const db = cetate.context.db
  const existing = await selectDatasetByName(db, options.dataset)
  if (existing) return existing.id
  if (!options.organisation)
    throw new StartupError(
      `No dataset "${options.dataset}"; create it first, or give --organisation to create it as a draft.`,
    )
  const publisher = (await Publishers.load(cetate.context)).bySlug(options.organisation)
  if (!publisher) throw new StartupError(`No organisation "${options.organisation}".`)
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(options.dataset))
    throw new StartupError('--dataset must be lowercase letters, digits and dashes to create it.')
  const title = { ro: options.title ?? options.dataset }
  const id = await insertDataset(db, {
    name: options.dataset,
    organisationId: publisher.id,
    createdBy: null,
    ...UNDESCRIBED,
    title,
    description: title,
  })
  await recordAudit(db, {
    actor: auditActor('system'),
    action: 'catalog.dataset.create',
    target: { type: 'dataset', id },
    outcome: 'success',
    details: { name: options.dataset, organisation: publisher.slug, via: 'cetate import' },
    requestId: `cli-${process.pid}`,
  })
  say(
    `Dataset "${options.dataset}" created as a draft of ${publisher.slug} (licence CC-BY 4.0; edit it before publishing).`,
  )
  return id
}

function report(load: Load): void {
  const columns = load.columns.map((column) => `${column.name} ${column.type}`).join(', ')
  if (load.status === 'loaded') {
    say(
      `Loaded ${load.progress.rows.toLocaleString('en-GB')} rows into resource ${load.resourceId} (${load.format.toUpperCase()}, ${load.encoding}${load.delimiter ? `, delimiter ${JSON.stringify(load.delimiter)}` : ''}): ${columns}.`,
    )
    return
  }
  process.stderr.write(
    `cetate: the file was not loaded; ${load.errorCount.toLocaleString('en-GB')} bad row(s), nothing changed:\n`,
  )
  for (const error of load.errors)
    process.stderr.write(
      `  line ${error.line}${error.column ? `, column ${error.column}` : ''}: ${error.reason}\n`,
    )
  if (load.errorCount > load.errors.length)
    process.stderr.write(`  … and ${load.errorCount - load.errors.length} more.\n`)
  process.stderr.write(`  Columns: ${columns}. Correct the file, or the types with --types column=type.\n`)
  process.exitCode = 1
}
