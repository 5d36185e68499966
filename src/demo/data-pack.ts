import { readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { sql } from 'kysely'
import type { Cetate } from '../cetate.ts'
import type { DataPack } from '../platform/module.ts'
import { StartupError } from '../platform/startup-error.ts'

export async function openDataPack(directory: string): Promise<DataPack & { name: string }> {
  const manifestPath = join(directory, 'pack.json')
  let manifest: Record<string, unknown>
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'it is not valid JSON' : 'it cannot be read'
    throw new StartupError(
      `${manifestPath} is not a data pack (${reason}); point --pack or CITY_PACK at a pack folder.`,
    )
  }
  if (typeof manifest.name !== 'string' || !manifest.name) {
    throw new StartupError(`${manifestPath} has no "name"; every pack names itself.`)
  }
  return {
    name: manifest.name,
    directory,
    manifest,
    async readJson(relativePath) {
      const path = resolve(directory, relativePath)
      // A pack names files inside itself only.
      if (relative(directory, path).startsWith('..')) throw new Error(`${relativePath} lies outside the pack`)
      return JSON.parse(await readFile(path, 'utf8'))
    },
  }
}

export interface PackLoad {
  pack: string
  loaded: boolean
  lines: string[]
  notes: string[]
}

/**
 * Loads a data pack module by module, each taking its own part. With `onlyIntoEmpty`, a database
 * that already holds a pack is left as it is (so `start --demo` can be repeated safely).
 */
export async function loadDataPack(
  cetate: Cetate,
  directory: string,
  options: { onlyIntoEmpty: boolean },
): Promise<PackLoad> {
  const pack = await openDataPack(directory)
  const db = cetate.database.db
  if (options.onlyIntoEmpty) {
    const { rows } = await sql<{ name: string }>`SELECT name FROM platform.data_packs LIMIT 1`.execute(db)
    if (rows[0]) return { pack: rows[0].name, loaded: false, lines: [], notes: [] }
  }
  const lines: string[] = []
  const notes: string[] = []
  for (const module of cetate.modules) {
    if (!module.demo) continue
    try {
      const outcome = await module.demo(cetate.context, pack)
      if (outcome) lines.push(`${module.name}: ${outcome.summary}`)
      notes.push(...(outcome?.notes ?? []))
    } catch (error) {
      throw new StartupError(
        `The ${module.name} part of pack ${pack.name} could not be loaded: ${(error as Error).message}`,
      )
    }
  }
  await sql`INSERT INTO platform.data_packs (name, directory) VALUES (${pack.name}, ${directory})
    ON CONFLICT (name) DO UPDATE SET loaded_at = now(), directory = EXCLUDED.directory`.execute(db)
  return { pack: pack.name, loaded: true, lines, notes }
}
