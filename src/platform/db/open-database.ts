import type { DatabaseHandle, DatabaseOptions } from './database.ts'
import { openEmbeddedDatabase } from './open-embedded.ts'
import { openServerDatabase } from './open-server.ts'

export function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.url ? openServerDatabase(options.url) : openEmbeddedDatabase(options.dataDir)
}
