// The contract's documents: contractual documents put by staff and files
// uploaded by documents managers, listed and downloaded by every user with
// the documents section; managers upload (multipart) and delete their files.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { writeAudit } from '../../audit/audit.js'
import type { FieldErrors } from '../../lib/forms.js'
import { NotFoundError } from '../../lib/http-errors.js'
import { can } from '../../policy/index.js'
import { documentId, sendDocument } from './download.js'
import { deleteCustomerFile, findDocument, insertDocument, listDocuments } from './documents.queries.js'
import { MAX_DOCUMENT_BYTES, typeOfContentType } from './file-types.js'
import { acceptUploads, checkUpload, readUploadForm } from './upload.js'

const visitor = { policy: { section: 'documents' as const, level: 'visitor' as const } }
const manager = { policy: { section: 'documents' as const, level: 'manager' as const } }

export async function documentsRoutes(app: FastifyInstance) {
  await acceptUploads(app)

  app.get('/contracts/:code/documents', { config: visitor }, async (request, reply) => renderDocuments(request, reply))

  app.get('/contracts/:code/documents/:id', { config: visitor }, async (request, reply) => {
    const id = documentId(request.params)
    const doc = id === undefined ? undefined : await findDocument(app.db, request.rights!.contract.id, id)
    if (!doc) throw new NotFoundError()
    return sendDocument(reply, doc)
  })

  app.post('/contracts/:code/documents', { config: manager }, async (request, reply) => {
    const { contract } = request.rights!
    const form = readUploadForm(request)
    const upload = checkUpload(form)
    if (!upload.ok) return renderDocuments(request, reply, { title: form.title }, upload.errors, upload.status)
    const now = new Date()
    await app.db.transaction().execute(async (trx) => {
      const id = await insertDocument(trx, { contractId: contract.id, kind: 'customer', title: upload.title, fileName: upload.fileName, contentType: upload.contentType, content: upload.content, uploadedBy: request.user!.id }, now)
      await writeAudit(trx, {
        action: 'document.uploaded', actorUserId: request.user!.id, contractId: contract.id, ip: request.ip,
        details: { document_id: id, title: upload.title, file_name: upload.fileName, type: upload.type, size_bytes: upload.content.length },
      })
    })
    reply.flash('success', 'documents.flash.uploaded', { title: upload.title })
    return reply.redirect(`/contracts/${contract.code}/documents`, 303)
  })

  app.post('/contracts/:code/documents/:id/delete', { config: manager }, async (request, reply) => {
    const { contract } = request.rights!
    const id = documentId(request.params)
    const doc = id === undefined ? undefined : await findDocument(app.db, contract.id, id)
    if (!doc || doc.kind !== 'customer') throw new NotFoundError()
    await app.db.transaction().execute(async (trx) => {
      if (!(await deleteCustomerFile(trx, contract.id, doc.id, new Date()))) throw new NotFoundError()
      await writeAudit(trx, {
        action: 'document.deleted', actorUserId: request.user!.id, contractId: contract.id, ip: request.ip,
        details: { document_id: doc.id, title: doc.title, file_name: doc.file_name },
      })
    })
    reply.flash('success', 'documents.flash.deleted', { title: doc.title })
    return reply.redirect(`/contracts/${contract.code}/documents`, 303)
  })
}

async function renderDocuments(request: FastifyRequest, reply: FastifyReply, values = { title: '' }, errors: FieldErrors = {}, status = 200) {
  const rights = request.rights!
  const documents = withTypes(await listDocuments(request.server.db, rights.contract.id))
  return reply.code(status).render('documents/index', {
    contract: rights.contract, values, errors, maxMegabytes: MAX_DOCUMENT_BYTES / 1024 / 1024,
    contractual: documents.filter((doc) => doc.kind === 'contractual'),
    customer: documents.filter((doc) => doc.kind === 'customer'),
    mayManage: can(rights, 'documents', 'manager') && rights.contract.status === 'active',
  })
}

/** Each row with its type's name for the list ('other' for a type no longer allowed). */
export function withTypes<T extends { content_type: string }>(rows: T[]) {
  return rows.map((row) => ({ ...row, type: typeOfContentType(row.content_type) ?? 'other' }))
}
