// The large usage export's memory: the 1,000,000-line month of the scale
// seed's "Big usage contract" written as the valued .xlsx (and the .csv) by
// the same functions the routes stream, into a sink that counts the bytes
// and drops them, as a fast client would. Prints the duration, the bytes and
// the peak RSS sampled every 50 ms, against the RSS before the export.
//
//   npx tsx scripts/bench/export-memory.ts --db /tmp/bench.db [--month YYYY-MM] [--save /tmp/usage.xlsx]
//   npx tsx scripts/bench/export-memory.ts --scale 20     (seeds a fresh database first, timed)
import { mkdtempSync, createWriteStream } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Writable, pipeline } from 'node:stream'
import { promisify } from 'node:util'
import { openDatabase } from '../../src/db/connection.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import type { DB } from '../../src/db/database.js'
import { translator } from '../../src/i18n/index.js'
import { shiftMonth } from '../../src/features/bills/downloads.month.js'
import { reportContracts } from '../../src/features/bills/downloads.queries.js'
import { writeUsageWorkbook } from '../../src/features/bills/usage-report.xlsx.js'
import { usageCsv } from '../../src/features/bills/usage-report.csv.js'
import { seedDemoIfEmpty } from '../seed-demo.js'
import { BIG_USAGE_CONTRACT_NAME, seedScale } from '../seed-scale.js'

const args = process.argv.slice(2)
const option = (name: string) => { const at = args.indexOf(name); return at >= 0 ? args[at + 1] : undefined }
const MB = 1024 * 1024

const db = await openSeeded()
const contract = await db.selectFrom('contracts').selectAll().where('name', '=', BIG_USAGE_CONTRACT_NAME).executeTakeFirstOrThrow()
const month = option('--month') ?? shiftMonth(new Date(), -1)
const lines = Number((await db.selectFrom('usage_records').select((eb) => eb.fn.countAll<number>().as('n')).where('contract_id', '=', contract.id).where('day', 'like', `${month}-%`).executeTakeFirstOrThrow()).n)
const total = Number((await db.selectFrom('usage_records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
console.log(`${contract.code} ${month}: ${lines.toLocaleString('en')} usage lines (${total.toLocaleString('en')} in the table)`)
const input = { contract, contracts: await reportContracts(db, contract), month, valued: true, t: translator('en').t }

await measure('usage.xlsx (valued, streamed)', (sink) => writeUsageWorkbook(db, input, sink), option('--save'))
await measure('usage.csv (valued, streamed)', (sink) => promisify(pipeline)(Readable.from(usageCsv(db, input)), sink))
await db.destroy()

async function openSeeded(): Promise<DB> {
  const path = option('--db') ?? join(mkdtempSync(join(tmpdir(), 'export-memory-')), 'bench.db')
  const database = openDatabase(path)
  const scale = Number(option('--scale') ?? 0)
  if (scale > 0) {
    await migrateToLatest(database)
    await seedDemoIfEmpty(database, () => undefined)
    const started = performance.now()
    await seedScale(database, scale)
    console.log(`seeded --scale ${scale} in ${((performance.now() - started) / 1000).toFixed(1)} s (${path})`)
  }
  return database
}

async function measure(name: string, produce: (sink: Writable) => Promise<void>, savePath?: string) {
  global.gc?.()
  const before = process.memoryUsage().rss
  let peak = before
  let peakHeap = 0
  let peakExternal = 0
  const sampler = setInterval(() => {
    const usage = process.memoryUsage()
    peak = Math.max(peak, usage.rss)
    peakHeap = Math.max(peakHeap, usage.heapUsed)
    peakExternal = Math.max(peakExternal, usage.external)
  }, 50)
  let bytes = 0
  const file = savePath ? createWriteStream(savePath) : undefined
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) { bytes += chunk.length; if (file) file.write(chunk, done); else done() },
    final(done) { file ? file.end(done) : done() },
  })
  const started = performance.now()
  await produce(sink)
  if (!sink.writableFinished) await new Promise((resolve) => sink.on('finish', resolve))
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  console.log(`${name}: ${seconds.toFixed(1)} s, ${(bytes / MB).toFixed(1)} MB written, RSS ${(before / MB).toFixed(0)} MB before, peak ${(peak / MB).toFixed(0)} MB (+${((peak - before) / MB).toFixed(0)} MB); peak JS heap ${(peakHeap / MB).toFixed(0)} MB, buffers ${(peakExternal / MB).toFixed(0)} MB`)
}
