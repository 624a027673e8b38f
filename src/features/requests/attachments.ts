// A request's attachments: one optional file with the request or a comment,
// checked like a contract document (allowed types by their bytes, 10 MB),
// stored in the database and sent back as a download, never inline.
import type { FastifyRequest } from 'fastify'
import type { Executor } from '../../db/database.js'
import { createHash } from 'node:crypto'
import type { FieldErrors } from '../../lib/forms.js'
import { BadRequestError } from '../../lib/http-errors.js'
import { checkType, cleanFileName, DOCUMENT_TYPES } from '../documents/file-types.js'
import type { UploadedFile } from '../documents/upload.js'

export { acceptUploads as acceptAttachments } from '../documents/upload.js'
export { sendDocument as sendAttachment } from '../documents/download.js'

export interface CheckedAttachment {
  fileName: string
  contentType: string
  content: Buffer
}

export type AttachmentCheck =
  | { ok: true; attachment: CheckedAttachment | undefined }
  | { ok: false; status: 413 | 422; errors: FieldErrors }

/** The optional file of the form's `attachment` field: none chosen is fine;
 * too large is a 413, empty or of a refused type a 422 (messages under
 * `requests.attachment.error.*`). */
export function checkAttachment(request: FastifyRequest, name = 'attachment'): AttachmentCheck {
  const file = fileOf(request, name)
  if (!file || file.fileName === '') return { ok: true, attachment: undefined }
  if (file.tooLarge) return { ok: false, status: 413, errors: { [name]: { key: 'requests.attachment.error.too_large', params: { max: '10 MB' } } } }
  if (file.content.length === 0) return { ok: false, status: 422, errors: { [name]: 'requests.attachment.error.empty' } }
  const fileName = cleanFileName(file.fileName)
  const type = checkType(fileName, file.content)
  if ('error' in type) return { ok: false, status: 422, errors: { [name]: `requests.attachment.error.${type.error}` } }
  return { ok: true, attachment: { fileName, contentType: DOCUMENT_TYPES[type.type].contentType, content: file.content } }
}

function fileOf(request: FastifyRequest, name: string): UploadedFile | undefined {
  const value = (request.body as Record<string, unknown> | undefined)?.[name]
  if (Array.isArray(value)) throw new BadRequestError(`${name} sent twice`)
  // A urlencoded form (no JavaScript, no file chosen) sends the field as text.
  return typeof value === 'object' && value !== null ? (value as UploadedFile) : undefined
}

export async function insertAttachment(trx: Executor, input: { requestId: number; commentId: number | null; uploadedBy: number; file: CheckedAttachment; now: Date }): Promise<number> {
  const { file } = input
  const row = await trx.insertInto('request_attachments').values({
    request_id: input.requestId, comment_id: input.commentId, file_name: file.fileName, content_type: file.contentType,
    size_bytes: file.content.length, sha256: createHash('sha256').update(file.content).digest('hex'), content: file.content,
    uploaded_by: input.uploadedBy, created_at: input.now.toISOString(),
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}
