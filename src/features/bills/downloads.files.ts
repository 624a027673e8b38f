// The files chosen on the bills page for one zip (POST /bills/:code/download):
// `files` repeated, each `invoice:<number>`, `usage:<YYYY-MM>` (xlsx),
// `usage-csv:<YYYY-MM>` or `simulation`. Parsing says only what each value
// names; whether it exists and belongs to the contract is checked after.
import type { MessageKey } from '../../i18n/index.js'

export const MAX_FILES = 40
/** Longer than any value we offer: refused without being echoed in full. */
const MAX_VALUE_LENGTH = 40
const INVOICE_NUMBER = /^[FA]\d{4}-\d{6}$/

export type ChosenFile =
  | { kind: 'invoice'; number: string }
  | { kind: 'usage'; month: string }
  | { kind: 'usage-csv'; month: string }
  | { kind: 'simulation' }

export interface FileProblem {
  /** The value as sent (cut), shown back escaped. */
  value: string
  error: MessageKey
}

/** The files understood, and the values naming nothing we offer (or why the whole choice is refused: none, too many). */
export interface FilesChoice {
  files: Array<ChosenFile & { value: string }>
  problems: FileProblem[]
}

/** The `files` field as a list: formbody gives a string for one value, an array for several. */
export function filesField(body: unknown): unknown[] {
  const raw = (body as Record<string, unknown> | undefined)?.files
  if (raw === undefined || raw === null) return []
  return Array.isArray(raw) ? raw : [raw]
}

/** What one value names, or undefined when it names nothing we offer. */
export function parseFileValue(value: string): ChosenFile | undefined {
  if (value === 'simulation') return { kind: 'simulation' }
  const colon = value.indexOf(':')
  if (colon < 0) return undefined
  const kind = value.slice(0, colon)
  const rest = value.slice(colon + 1)
  if (kind === 'invoice') return INVOICE_NUMBER.test(rest) ? { kind, number: rest } : undefined
  if (kind === 'usage' || kind === 'usage-csv') return { kind, month: rest }
  return undefined
}

/** The distinct files chosen (1 to MAX_FILES), and the problems to list. */
export function parseFiles(values: unknown[]): FilesChoice {
  if (values.length === 0) return { files: [], problems: [{ value: '', error: 'bills.files.error.none_chosen' }] }
  if (values.length > MAX_FILES) return { files: [], problems: [{ value: '', error: 'bills.files.error.too_many' }] }
  // The same file ticked twice (a crafted form) is in the zip once.
  const distinct = [...new Set(values.map((value) => (typeof value === 'string' ? value : '')))]
  const files: Array<ChosenFile & { value: string }> = []
  const problems: FileProblem[] = []
  for (const value of distinct) {
    const parsed = value.length <= MAX_VALUE_LENGTH ? parseFileValue(value) : undefined
    if (parsed) files.push({ ...parsed, value })
    else problems.push({ value: value.slice(0, MAX_VALUE_LENGTH), error: 'bills.files.error.unknown_file' })
  }
  return { files, problems }
}
