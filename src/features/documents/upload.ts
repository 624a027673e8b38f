// Multipart uploads, for the scopes that take files (the customer's documents
// and staff's contractual documents) and nowhere else. The parts are read
// before the preHandlers, so the CSRF check finds `_csrf` in the body like in
// any other form: the body is flattened into plain fields and one file.
import fastifyMultipart, { type MultipartFile, type MultipartValue } from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { cleanText, field, type FieldErrors } from '../../lib/forms.js'
import { BadRequestError } from '../../lib/http-errors.js'
import { checkType, cleanFileName, DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, type DocumentType } from './file-types.js'

export interface UploadedFile {
  fileName: string
  content: Buffer
  /** Over MAX_DOCUMENT_BYTES: what was read stops at the limit. */
  tooLarge: boolean
}

/** A request announcing far more than a document can be is refused before it is read. */
class PayloadTooLargeError extends Error {
  readonly statusCode = 413
}

export async function acceptUploads(app: FastifyInstance) {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    // Over the limit the part is cut, not thrown: the form comes back with its message (413).
    throwFileSizeLimit: false,
    // Browsers send a file's name as raw UTF-8, not the Latin-1 busboy assumes.
    defParamCharset: 'utf8',
    limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 4096, headerPairs: 50 },
  })
  app.addHook('onRequest', async (request) => {
    if (Number(request.headers['content-length'] ?? 0) > MAX_DOCUMENT_BYTES + 1024 * 1024) throw new PayloadTooLargeError('upload too large')
  })
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart()) request.body = flatten(request.body as Record<string, Part | Part[]> | undefined)
  })
}

type Part = MultipartFile | MultipartValue

function flatten(body: Record<string, Part | Part[]> | undefined): Record<string, unknown> {
  const plain = (part: Part) => (part.type === 'file' ? fileOf(part) : typeof part.value === 'string' ? part.value : '')
  return Object.fromEntries(Object.entries(body ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.map(plain) : plain(value)]))
}

function fileOf(part: MultipartFile): UploadedFile {
  const content = (part as MultipartFile & { _buf?: Buffer })._buf ?? Buffer.alloc(0)
  return { fileName: part.filename, content, tooLarge: part.file.truncated }
}

export interface UploadForm {
  title: string
  file: UploadedFile | undefined
}

export function readUploadForm(request: FastifyRequest): UploadForm {
  const body = request.body as Record<string, unknown> | undefined
  const file = body?.file
  if (Array.isArray(file)) throw new BadRequestError('file sent twice')
  return { title: cleanText(field(body, 'title')), file: typeof file === 'object' && file !== null ? (file as UploadedFile) : undefined }
}

export type CheckedUpload =
  | { ok: true; title: string; fileName: string; type: DocumentType; contentType: string; content: Buffer }
  | { ok: false; status: 413 | 422; errors: FieldErrors }

/** A title (the file's name when left empty) and a file of an allowed type within the limit. */
export function checkUpload(form: UploadForm): CheckedUpload {
  const errors: FieldErrors = {}
  if (form.title.length > 150) errors.title = { key: 'documents.error.title_too_long', params: { max: 150 } }
  const file = form.file
  if (!file || file.fileName === '') return { ok: false, status: 422, errors: { ...errors, file: 'documents.error.file_required' } }
  if (file.tooLarge) return { ok: false, status: 413, errors: { ...errors, file: { key: 'documents.error.too_large', params: { max: '10 MB' } } } }
  if (file.content.length === 0) return { ok: false, status: 422, errors: { ...errors, file: 'documents.error.file_empty' } }
  const fileName = cleanFileName(file.fileName)
  const type = checkType(fileName, file.content)
  if ('error' in type) errors.file = `documents.error.${type.error}`
  if (Object.keys(errors).length > 0 || 'error' in type) return { ok: false, status: 422, errors }
  return { ok: true, title: form.title || fileName, fileName, type: type.type, contentType: DOCUMENT_TYPES[type.type].contentType, content: file.content }
}
