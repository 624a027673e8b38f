// A staff usage file (issue 10 §1): CSV with the header
// contract,day,service,resource,metric,unit,quantity,unit_price, checked
// whole before anything is written. Any bad row refuses the whole file, each
// problem named by its line in the file (the header is line 1) and reason.
import type { Executor } from '../../db/database.js'
import type { MessageKey, Params } from '../../i18n/index.js'
import { isCalendarDate } from '../../lib/paris-calendar.js'
import { amountMicro, type UsageLine } from '../usage/usage.writes.js'
import { csvRecords } from './csv-records.js'

export const USAGE_COLUMNS = ['contract', 'day', 'service', 'resource', 'metric', 'unit', 'quantity', 'unit_price'] as const
const TEXT_COLUMNS = ['service', 'resource', 'metric', 'unit'] as const
export const TEXT_MAX = 100
/** Problems listed at most; the count says how many there were. */
export const PROBLEMS_SHOWN = 50
// Bounds that keep every product and sum an exact integer: a billion units, a million euros each.
const MAX_QUANTITY_MILLI = 1e12
const MAX_PRICE_MICRO = 1e12

export interface Problem {
  key: MessageKey
  params: Params
}

/** A checked line of the file, its contract still a code. */
export type ImportedLine = Omit<UsageLine, 'contractId'> & { contractCode: string; row: number }

export type ParsedUsage =
  | { ok: true; lines: ImportedLine[]; amountMicro: number }
  | { ok: false; problems: Problem[]; count: number }

const problem = (key: string, params: Params = {}): Problem => ({ key: `admin.invoicing.import.problem.${key}` as MessageKey, params })

/** Decimal text with at most `decimals` digits after the point, in units of 10^-decimals; a reason otherwise. */
function fixedPoint(text: string, decimals: number): number | 'not_number' | 'decimals' {
  const match = /^([0-9]{1,15})(?:\.([0-9]+))?$/.exec(text)
  if (!match) return 'not_number'
  const fraction = match[2] ?? ''
  if (fraction.length > decimals) return 'decimals'
  return Number(match[1]) * 10 ** decimals + Number(fraction.padEnd(decimals, '0'))
}

/** Reads the file's bytes; `today` (YYYY-MM-DD, UTC) is the last day a line may be for. */
export function parseUsageCsv(content: Buffer, today: string): ParsedUsage {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content)
  } catch {
    return { ok: false, problems: [problem('not_text')], count: 1 }
  }
  if (text.includes('\u0000')) return { ok: false, problems: [problem('not_text')], count: 1 }
  const parsed = csvRecords(text)
  if (!parsed.ok) return { ok: false, problems: [problem('open_quote', { row: parsed.line })], count: 1 }
  const [header, ...rows] = parsed.records
  if (!header) return { ok: false, problems: [problem('empty')], count: 1 }
  const names = header.fields.map((name) => name.trim().toLowerCase())
  const missing = USAGE_COLUMNS.filter((column) => !names.includes(column))
  if (missing.length > 0 || names.length !== USAGE_COLUMNS.length) {
    return { ok: false, problems: [problem('header', { columns: USAGE_COLUMNS.join(',') })], count: 1 }
  }
  if (rows.length === 0) return { ok: false, problems: [problem('no_rows')], count: 1 }
  const at = Object.fromEntries(USAGE_COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<(typeof USAGE_COLUMNS)[number], number>
  const problems: Problem[] = []
  let count = 0
  const lines: ImportedLine[] = []
  let total = 0
  for (const row of rows) {
    const found = checkRow(row.fields, row.line, at, today)
    if ('problems' in found) {
      count += found.problems.length
      if (problems.length < PROBLEMS_SHOWN) problems.push(...found.problems.slice(0, PROBLEMS_SHOWN - problems.length))
      continue
    }
    lines.push(found.line)
    total += amountMicro(found.line.quantityMilli, found.line.unitPriceMicro)
  }
  return count > 0 ? { ok: false, problems, count } : { ok: true, lines, amountMicro: total }
}

function checkRow(fields: string[], row: number, at: Record<(typeof USAGE_COLUMNS)[number], number>, today: string): { line: ImportedLine } | { problems: Problem[] } {
  if (fields.length !== USAGE_COLUMNS.length) return { problems: [problem('field_count', { row, expected: USAGE_COLUMNS.length, found: fields.length })] }
  const value = (column: (typeof USAGE_COLUMNS)[number]) => fields[at[column]]!.trim()
  const problems: Problem[] = []
  const contract = value('contract')
  if (!/^OCB[0-9]{7}$/.test(contract)) problems.push(problem('contract_format', { row, value: contract.slice(0, TEXT_MAX) }))
  const day = value('day')
  if (!isCalendarDate(day)) problems.push(problem('day', { row, value: day.slice(0, TEXT_MAX) }))
  else if (day > today) problems.push(problem('future_day', { row, value: day }))
  for (const column of TEXT_COLUMNS) {
    const text = value(column)
    // eslint-disable-next-line no-control-regex
    if (text === '' || text.length > TEXT_MAX || /[\u0000-\u001F\u007F-\u009F]/.test(text)) problems.push(problem('text', { row, column, max: TEXT_MAX }))
  }
  const quantity = fixedPoint(value('quantity'), 3)
  if (typeof quantity === 'string') problems.push(problem(quantity, { row, column: 'quantity', value: value('quantity').slice(0, TEXT_MAX), max: 3 }))
  else if (quantity > MAX_QUANTITY_MILLI) problems.push(problem('too_large', { row, column: 'quantity' }))
  const price = fixedPoint(value('unit_price'), 6)
  if (typeof price === 'string') problems.push(problem(price, { row, column: 'unit_price', value: value('unit_price').slice(0, TEXT_MAX), max: 6 }))
  else if (price > MAX_PRICE_MICRO) problems.push(problem('too_large', { row, column: 'unit_price' }))
  if (problems.length > 0 || typeof quantity === 'string' || typeof price === 'string') return { problems }
  return { line: { row, contractCode: contract, day, service: value('service'), resource: value('resource'), metric: value('metric'), unit: value('unit'), quantityMilli: quantity, unitPriceMicro: price } }
}

/** Contract ids by code for the codes in the file; the lines naming an unknown contract as problems. */
export async function resolveContracts(db: Executor, lines: readonly ImportedLine[]): Promise<{ ids: Map<string, number>; problems: Problem[]; count: number }> {
  const codes = [...new Set(lines.map((line) => line.contractCode))]
  const ids = new Map<string, number>()
  // 500 codes a query: far under SQLite's bound-variable limit.
  for (let start = 0; start < codes.length; start += 500) {
    const rows = await db.selectFrom('contracts').select(['id', 'code']).where('code', 'in', codes.slice(start, start + 500)).execute()
    for (const row of rows) ids.set(row.code, row.id)
  }
  const problems: Problem[] = []
  let count = 0
  for (const line of lines) {
    if (ids.has(line.contractCode)) continue
    count += 1
    if (problems.length < PROBLEMS_SHOWN) problems.push(problem('unknown_contract', { row: line.row, value: line.contractCode }))
  }
  return { ids, problems, count }
}
