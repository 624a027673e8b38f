// Multipart uploads, for the scopes that take files (the customer's documents
// and staff's contractual documents) and nowhere else. The parts are read
// before the preHandlers, so the CSRF check finds `_csrf` in the body like in
// any other form: the body is read into plain fields and one file.
import fastifyMultipart from '@fastify/multipart'
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

// Browsers send a file's name as raw UTF-8, not the Latin-1 busboy assumes.
// Busboy's option, passed through by @fastify/multipart but not in its types.
const UTF8_FILE_NAMES = { defParamCharset: 'utf8' }

/** `fields`: how many plain fields a form of the scope has at most (CSRF token included);
 * `fieldSize`: the longest one in bytes (a longer one arrives cut: size it so that a cut value fails its form's length check). */
export async function acceptUploads(app: FastifyInstance, { fields = 4, fieldSize = 4096 }: { fields?: number; fieldSize?: number } = {}) {
  await app.register(fastifyMultipart, {
    // Over the limit the part is cut, not thrown: the form comes back with its message (413).
    throwFileSizeLimit: false,
    ...UTF8_FILE_NAMES,
    limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields, parts: fields + 1, fieldSize, headerPairs: 50 },
  })
  app.addHook('onRequest', async (request) => {
    if (Number(request.headers['content-length'] ?? 0) > MAX_DOCUMENT_BYTES + 1024 * 1024) throw new PayloadTooLargeError('upload too large')
  })
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart()) request.body = await readParts(request)
  })
}

/** The parts as plain fields (a repeated one as an array, like formbody) and
 * files; a body busboy can't read is a 400, over its limits a 413. */
async function readParts(request: FastifyRequest): Promise<Record<string, unknown>> {
  const fields = new Map<string, unknown>()
  const add = (name: string, value: unknown) => {
    const before = fields.get(name)
    fields.set(name, before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value])
  }
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') add(part.fieldname, { fileName: part.filename, content: await part.toBuffer(), tooLarge: part.file.truncated } satisfies UploadedFile)
      else add(part.fieldname, typeof part.value === 'string' ? part.value : '')
    }
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413) throw error
    throw new BadRequestError(`unreadable multipart body: ${(error as Error).message}`)
  }
  // A Map, then own properties: a part named __proto__ stays a plain field.
  return Object.fromEntries(fields)
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
