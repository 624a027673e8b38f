// Medians of several bench runs, as a Markdown table (for bench/README.md):
//   npx tsx scripts/bench/median.ts                 the last 3 runs in bench/results/
//   npx tsx scripts/bench/median.ts a.json b.json   those runs
// Each figure is the median of that figure over the runs (the ratio too: the
// median of the ratios, not a ratio of medians); failures are the worst run's.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Report, Row } from './report.js'
import { databaseOf, textTable } from './report.js'

const RESULTS_DIR = join(import.meta.dirname, '..', '..', 'bench', 'results')
const DEFAULT_RUNS = 3

function main() {
  const files = process.argv.slice(2)
  const reports = (files.length > 0 ? files : lastRuns(DEFAULT_RUNS)).map((file) => JSON.parse(readFileSync(file, 'utf8')) as Report)
  if (reports.length === 0) throw new Error(`no run in ${RESULTS_DIR}`)
  const rows = reports[0]!.rows.map((row) => medianRow(row.page, reports.map((report) => report.rows.find((r) => r.page === row.page)).filter((r): r is Row => r !== undefined)))
  const scales = [...new Set(reports.map((report) => report.scale))].join(', ')
  const busy = reports.map((report) => report.backgroundCpuPercent?.toFixed(0) ?? '?').join(', ')
  // Runs on SQLite and on PostgreSQL don't make one median: say so loudly if they are mixed.
  const databases = [...new Set(reports.map(databaseOf))]
  console.log(`Medians of ${reports.length} runs (${reports.map((r) => r.date).join(', ')}); database ${databases.join(' AND ')}; --scale ${scales}; CPU busy with other work: ${busy} %.\n`)
  if (databases.length > 1) console.log('warning: these runs were not made on the same database\n')
  console.log(markdownTable(rows))
  console.log(`\n${textTable(rows)}`)
}

function lastRuns(count: number): string[] {
  const stamped = readdirSync(RESULTS_DIR).filter((name) => /^\d{4}-.*\.json$/.test(name)).sort()
  return stamped.slice(-count).map((name) => join(RESULTS_DIR, name))
}

function medianRow(page: string, rows: Row[]): Row {
  const m = (pick: (row: Row) => number | undefined) => median(rows.map(pick).filter((n): n is number => n !== undefined))
  return {
    page,
    visitors: rows[0]!.visitors,
    requestsPerSecond: m((r) => r.requestsPerSecond),
    p50Ms: m((r) => r.p50Ms),
    p99Ms: m((r) => r.p99Ms),
    ratio: m((r) => r.ratio),
    bodyBytes: m((r) => r.bodyBytes),
    peakRssMb: rows.some((r) => r.peakRssMb !== undefined) ? m((r) => r.peakRssMb) : undefined,
    failures: Math.max(...rows.map((r) => r.failures)),
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

// The same columns as report.ts's Markdown, from the text table's cells.
function markdownTable(rows: Row[]): string {
  const [header, , ...lines] = textTable(rows).split('\n').map((line) => line.split(/ {2,}/).map((cell) => cell.trim()))
  return [
    `| ${header!.join(' | ')} |`,
    `|${header!.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`,
    ...lines.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n')
}

main()
