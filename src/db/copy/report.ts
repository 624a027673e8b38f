// The verification table db:copy prints: each table, its count(*) on both
// sides, whether everything matched (else what differs); then the verdict.
import type { CopyResult } from './copy.js'

export function formatReport(result: CopyResult): string {
  const width = Math.max(5, ...result.tables.map((t) => t.table.length))
  const number = (n: number) => n.toLocaleString('en').padStart(12)
  const lines = [`${'table'.padEnd(width)}  ${'source rows'.padStart(12)}  ${'target rows'.padStart(12)}  checksum`]
  for (const t of result.tables) {
    lines.push(`${t.table.padEnd(width)}  ${number(t.counted.source)}  ${number(t.counted.target)}  ${t.same ? 'ok' : `DIFFERS: ${t.difference}`}`)
  }
  const rows = result.tables.reduce((sum, t) => sum + t.counted.source, 0)
  lines.push(`${result.tables.length} tables, ${rows.toLocaleString('en')} rows, ${result.sequencesMoved} id sequences moved`)
  const differing = result.tables.filter((t) => !t.same).map((t) => t.table)
  lines.push(result.committed
    ? 'copy verified and committed: every table has the same rows and checksum on both sides'
    : `the copy differs in ${differing.join(', ')}: rolled back, the target is unchanged`)
  return lines.join('\n')
}
