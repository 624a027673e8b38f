// The run's table: printed, and written under bench/results/ as JSON (for
// tools and comparisons) and Markdown (to paste into a README or an issue).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Settings } from './measure.js'

export interface Row {
  page: string
  /** Who asked, e.g. "5 × bench.user", "anonymous". */
  visitors: string
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** requests/s ÷ the ceiling's requests/s in the same run. */
  ratio: number
  bodyBytes: number
  peakRssMb: number | undefined
  failures: number
}

export interface Report {
  date: string
  commit: string | undefined
  /** Where the portal's data was: "SQLite" or e.g. "PostgreSQL 15.18 on 127.0.0.1:55432, pool of 10". Absent in runs made before it was recorded: SQLite. */
  database?: string
  machine: { node: string; cpus: number; cpuModel: string; platform: string }
  scale: number
  seedSeconds: number
  /** CPU busy (all processes but the bench's, idle then) in the second before the runs. */
  backgroundCpuPercent: number | undefined
  settings: Settings
  rows: Row[]
}

const HEADERS = ['page', 'visitors', 'req/s', 'p50 ms', 'p99 ms', '÷ ceiling', 'body KB', 'peak RSS MB', 'failures']

function cells(row: Row): string[] {
  return [
    row.page,
    row.visitors,
    row.requestsPerSecond.toFixed(0),
    row.p50Ms.toFixed(1),
    row.p99Ms.toFixed(1),
    row.ratio.toFixed(2),
    (row.bodyBytes / 1024).toFixed(1),
    row.peakRssMb === undefined ? '–' : row.peakRssMb.toFixed(0),
    String(row.failures),
  ]
}

export function textTable(rows: Row[]): string {
  const lines = [HEADERS, ...rows.map(cells)]
  const widths = HEADERS.map((_, i) => Math.max(...lines.map((line) => line[i]!.length)))
  // Text left, figures right: easier to compare down a column.
  const format = (line: string[]) => line.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')
  return [format(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((row) => format(cells(row)))].join('\n')
}

export function markdown(report: Report): string {
  const { settings, machine } = report
  return [
    `# Bench ${report.date}`,
    '',
    `Commit ${report.commit ?? 'unknown'}; database ${databaseOf(report)}; Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}; ` +
      `data set --scale ${report.scale} (seeded in ${report.seedSeconds.toFixed(1)} s); ` +
      `autocannon ${settings.connections} connections, ${settings.warmup} s warm-up + ${settings.duration} s a page, loopback; ` +
      `CPU busy with other work before the runs: ${report.backgroundCpuPercent === undefined ? 'unknown' : `${report.backgroundCpuPercent.toFixed(0)} %`}.`,
    '',
    `| ${HEADERS.join(' | ')} |`,
    `|${HEADERS.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`,
    ...report.rows.map((row) => `| ${cells(row).join(' | ')} |`),
    '',
    'Compare the ÷ ceiling column between runs: absolute figures drift ±10–20 %.',
    '',
  ].join('\n')
}

export function databaseOf(report: Report): string {
  return report.database ?? 'SQLite'
}

/** Writes <timestamp>.json/.md and latest.json/.md; returns the timestamped paths. */
export function writeResults(dir: string, report: Report): string[] {
  mkdirSync(dir, { recursive: true })
  const stamp = report.date.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')
  const json = `${JSON.stringify(report, null, 2)}\n`
  const md = markdown(report)
  const written: string[] = []
  for (const [name, content] of [[`${stamp}.json`, json], [`${stamp}.md`, md], ['latest.json', json], ['latest.md', md]] as const) {
    writeFileSync(join(dir, name), content)
    if (!name.startsWith('latest')) written.push(join(dir, name))
  }
  return written
}
