// RFC 4180 records from a text: `,` between fields, `"` around a field that
// holds commas, quotes (doubled) or line breaks, CRLF or LF between records.
// One pass over the text: a 10 MB file costs what reading it costs.

export interface CsvRecord {
  /** The line of the file where the record starts (1 = the header). */
  line: number
  fields: string[]
}

export type CsvRecords = { ok: true; records: CsvRecord[] } | { ok: false; line: number }

/** The records of the text, or the line of a quote left open. */
export function csvRecords(text: string): CsvRecords {
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let start = 1
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') { field += '"'; index += 1 }
      else if (char === '"') quoted = false
      else { if (char === '\n') line += 1; field += char }
    } else if (char === '"' && field === '') quoted = true
    else if (char === ',') { fields.push(field); field = '' }
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1
      fields.push(field)
      records.push({ line: start, fields })
      fields = []; field = ''; line += 1; start = line
    } else field += char
  }
  if (quoted) return { ok: false, line: start }
  if (field !== '' || fields.length > 0) { fields.push(field); records.push({ line: start, fields }) }
  // A blank line is no record (a file ending with a line break, or spaced out by hand).
  return { ok: true, records: records.filter((record) => record.fields.length > 1 || record.fields[0]!.trim() !== '') }
}
