// CSV files for spreadsheets. Every field is quoted (a comma, quote or line
// break in a value stays inside it) and a value starting with = + - @ (or a
// tab or carriage return) gets a leading apostrophe: a spreadsheet would
// otherwise run it as a formula, and values come from customers (names,
// references) and from the audit log's details.

const FORMULA_START = /^[=+\-@\t\r]/

export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value)
  const neutral = FORMULA_START.test(text) ? `'${text}` : text
  return `"${neutral.replace(/"/g, '""')}"`
}

export function csvLine(values: Array<string | number | null | undefined>): string {
  return `${values.map(csvField).join(',')}\r\n`
}

/** A byte order mark first: spreadsheet programs then read the file as UTF-8 (accents intact). */
export const CSV_START = '\uFEFF'

export function csvHeaders(filename: string): Record<string, string> {
  return { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` }
}
