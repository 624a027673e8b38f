// What may be uploaded: a short allow-list of types, each recognised by its
// first bytes (the magic number), not by what the browser declares, and its
// name's extension must agree. Text is whatever decodes as UTF-8 without NUL.
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

export const DOCUMENT_TYPES = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  png: { contentType: 'image/png', extensions: ['png'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  text: { contentType: 'text/plain; charset=utf-8', extensions: ['txt'] },
  csv: { contentType: 'text/csv; charset=utf-8', extensions: ['csv'] },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
} as const
export type DocumentType = keyof typeof DOCUMENT_TYPES

/** The content types a download may carry: the stored one only if it is one of ours. */
export const ALLOWED_CONTENT_TYPES: ReadonlySet<string> = new Set(Object.values(DOCUMENT_TYPES).map((type) => type.contentType))

/** The type a content type stands for (the list shows it by name). */
export function typeOfContentType(contentType: string): DocumentType | undefined {
  return (Object.keys(DOCUMENT_TYPES) as DocumentType[]).find((type) => DOCUMENT_TYPES[type].contentType === contentType)
}

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((byte, i) => bytes[i] === byte)
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG = [0xff, 0xd8, 0xff]
const ZIP = [0x50, 0x4b, 0x03, 0x04] // PK\3\4: XLSX and DOCX are zip files

/** The binary type the bytes are, if one of ours. Office files are told apart
 * by their main part's name in the zip's local headers. */
function sniffBinary(bytes: Buffer): DocumentType | undefined {
  if (startsWith(bytes, PDF)) return 'pdf'
  if (startsWith(bytes, PNG)) return 'png'
  if (startsWith(bytes, JPEG)) return 'jpeg'
  if (startsWith(bytes, ZIP)) {
    const names = bytes.toString('latin1')
    if (names.includes('xl/workbook.xml')) return 'xlsx'
    if (names.includes('word/document.xml')) return 'docx'
  }
  return undefined
}

function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : ''
}

export type TypeCheck = { type: DocumentType } | { error: 'type_refused' | 'type_mismatch' }

/** The file's type, when its name's extension is allowed and its bytes are that type. */
export function checkType(fileName: string, bytes: Buffer): TypeCheck {
  const extension = extensionOf(fileName)
  const claimed = (Object.keys(DOCUMENT_TYPES) as DocumentType[]).find((type) => (DOCUMENT_TYPES[type].extensions as readonly string[]).includes(extension))
  if (!claimed) return { error: 'type_refused' }
  const sniffed = sniffBinary(bytes)
  if (claimed === 'text' || claimed === 'csv') return !sniffed && isText(bytes) ? { type: claimed } : { error: 'type_mismatch' }
  return sniffed === claimed ? { type: claimed } : { error: 'type_mismatch' }
}

/** The name kept for the download: no folders, no control characters, no
 * quotes or backslashes, at most 150 characters with the extension kept. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const clean = base.normalize('NFC').replace(/[\u0000-\u001F\u007F-\u009F"\\]/g, '').replace(/\s+/g, ' ').trim()
  if (clean.length <= 150) return clean
  const extension = extensionOf(clean)
  return extension ? `${clean.slice(0, 149 - extension.length)}.${extension}` : clean.slice(0, 150)
}

/** `attachment` with an ASCII name for old clients and the exact name in
 * RFC 5987's `filename*` (UTF-8, percent-encoded). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7E]/g, '_').replace(/["\\;%]/g, '_') || 'document'
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
