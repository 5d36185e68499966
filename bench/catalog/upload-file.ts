import { once } from 'node:events'
import { createWriteStream } from 'node:fs'

/** The bench's columns: ten, of every type the datastore infers from CSV. */
export const BENCH_COLUMNS = [
  ['id', 'bigint'],
  ['amount', 'double precision'],
  ['active', 'boolean'],
  ['day', 'date'],
  ['observed_at', 'timestamptz'],
  ['street', 'text'],
  ['category', 'text'],
  ['count', 'bigint'],
  ['ratio', 'double precision'],
  ['note', 'text'],
] as const

/** Values the generated rows draw from; the search bench filters on them. */
export const STREETS = [
  'Strada Memorandumului',
  'Bulevardul Eroilor',
  'Calea Moților',
  'Piața Unirii',
  'Strada Horea',
]
export const CATEGORIES = ['iluminat', 'drumuri', 'spații verzi', 'parcări', 'salubritate']

/** Writes a CSV of `rows` rows (with a header) that both the upload path and a raw COPY accept. */
export async function writeBenchCsv(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path)
  out.write(`${BENCH_COLUMNS.map(([name]) => name).join(',')}\n`)
  let chunk = ''
  for (let i = 1; i <= rows; i++) {
    const day = 1 + (i % 28)
    const hour = i % 24
    const note = i % 10 === 0 ? `"sesizarea ${i}, rezolvată ""repede"""` : `sesizarea ${i}`
    chunk += `${i},${(i * 1.37).toFixed(2)},${i % 3 === 0 ? 'true' : 'false'},2024-03-${String(day).padStart(2, '0')},2024-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:15:00Z,${STREETS[i % STREETS.length]} ${i % 200},${CATEGORIES[i % CATEGORIES.length]},${i % 1000},${(i % 97) / 7},${note}\n`
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain')
      chunk = ''
    }
  }
  out.end(chunk)
  await once(out, 'finish')
  return out.bytesWritten
}
