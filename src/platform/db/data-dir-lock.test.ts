import assert from 'node:assert/strict'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { lockDataDir } from './data-dir-lock.ts'

test('a data directory is locked to one opener, and free again once released', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cetate-lock-'))
  const release = await lockDataDir(dir)
  await assert.rejects(lockDataDir(dir), /is in use by another Cetate process \(pid \d+\)/)
  await release()
  const again = await lockDataDir(dir)
  await again()
})

test('a lock left by a process that died is taken over', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cetate-lock-'))
  await writeFile(join(dir, 'cetate.lock'), '999999999')
  const release = await lockDataDir(dir)
  await release()
})

test('a data directory that cannot be created is reported with how to fix it', async () => {
  // A path under a regular file fails even for root, who may write anywhere else.
  const parent = await mkdtemp(join(tmpdir(), 'cetate-lock-'))
  await writeFile(join(parent, 'file'), '')
  await assert.rejects(lockDataDir(join(parent, 'file', 'data')), /is not usable .*--data-dir or DATA_DIR/)
})
