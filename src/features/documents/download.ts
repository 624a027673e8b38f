// Sending a stored document: as an attachment, with its stored content type
// only if it is one of the allowed ones, a safe file name, and no sniffing.
import type { FastifyReply } from 'fastify'
import type { DocumentRow } from '../../db/documents.table.js'
import { ALLOWED_CONTENT_TYPES, contentDisposition } from './file-types.js'

export function sendDocument(reply: FastifyReply, doc: Pick<DocumentRow, 'content' | 'content_type' | 'file_name'>) {
  return reply
    .header('content-type', ALLOWED_CONTENT_TYPES.has(doc.content_type) ? doc.content_type : 'application/octet-stream')
    .header('content-disposition', contentDisposition(doc.file_name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(doc.content)
}

const ID = /^[1-9][0-9]{0,8}$/

/** The document id of the URL: anything else is not a document (404 for the caller). */
export function documentId(params: unknown): number | undefined {
  const raw = (params as { id?: unknown }).id
  return typeof raw === 'string' && ID.test(raw) ? Number(raw) : undefined
}
