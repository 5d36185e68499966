import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rm, stat } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import { type Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Problem } from '../../../platform/http/problem.ts'

export interface StoredFile {
  /** Relative to the files directory. */
  path: string
  byteSize: number
  sha256: string
}

const FOLDER = 'catalog'

export class FileTooLarge extends Error {
  override readonly name = 'FileTooLarge'
}

/** The stored file's absolute path; refuses a path that would leave the files directory. */
export function storedPath(filesDir: string, relative: string): string {
  const root = resolve(filesDir)
  const path = resolve(root, relative)
  if (!path.startsWith(root + sep))
    throw new Error(`A stored file path leaves the files directory: ${relative}`)
  return path
}

/**
 * Streams a body to `<files>/catalog/<name>`, hashing it on the way; never holds it whole. A body
 * over the limit is cut off, removed, and refused (413).
 */
export async function storeFile(
  filesDir: string,
  name: string,
  body: Readable,
  limitBytes: number,
): Promise<StoredFile> {
  const relative = join(FOLDER, name)
  const path = storedPath(filesDir, relative)
  await mkdir(dirname(path), { recursive: true })
  const hash = createHash('sha256')
  let byteSize = 0
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      byteSize += chunk.length
      if (byteSize > limitBytes) return done(new FileTooLarge())
      hash.update(chunk)
      done(null, chunk)
    },
  })
  try {
    await pipeline(body, meter, createWriteStream(path))
  } catch (error) {
    await rm(path, { force: true })
    if (error instanceof FileTooLarge) throw tooLarge(limitBytes)
    throw error
  }
  return { path: relative, byteSize, sha256: hash.digest('hex') }
}

/** Copies a local file in (the command line and the demo), as an upload would. */
export function storeLocalFile(
  filesDir: string,
  name: string,
  source: string,
  limitBytes: number,
): Promise<StoredFile> {
  return storeFile(filesDir, name, createReadStream(source), limitBytes)
}

export async function removeStoredFile(filesDir: string, relative: string): Promise<void> {
  await rm(storedPath(filesDir, relative), { force: true })
}

export async function storedFileSize(filesDir: string, relative: string): Promise<number | undefined> {
  return (await stat(storedPath(filesDir, relative)).catch(() => undefined))?.size
}

export function tooLarge(limitBytes: number): Problem {
  return new Problem(
    413,
    'CATALOG_UPLOAD_TOO_LARGE',
    'The file is too large',
    `Files up to ${formatBytes(limitBytes)} may be uploaded; split the file, or ask the administrator to raise UPLOAD_LIMIT_BYTES.`,
  )
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`
  return `${+(bytes / 1024).toFixed(1)} KB`
}
