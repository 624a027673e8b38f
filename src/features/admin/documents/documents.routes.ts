// Staff put a contract's contractual documents (the contract, its
// amendments, the service description...): the customer's users see them in
// the contract's documents and can't delete them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { writeAudit } from '../../../audit/audit.js'
import type { Contract } from '../../../db/contracts.table.js'
import type { FieldErrors } from '../../../lib/forms.js'
import { NotFoundError } from '../../../lib/http-errors.js'
import { documentId, sendDocument } from '../../documents/download.js'
import { withTypes } from '../../documents/documents.routes.js'
import { findDocument, insertDocument, listDocuments } from '../../documents/documents.queries.js'
import { MAX_DOCUMENT_BYTES } from '../../documents/file-types.js'
import { acceptUploads, checkUpload, readUploadForm } from '../../documents/upload.js'
import { contractOf } from '../companies/contract.routes.js'

const staff = { policy: { staff: 'companies' as const } }

export async function adminDocumentsRoutes(app: FastifyInstance) {
  await acceptUploads(app)

  app.get('/admin/contracts/:code/documents', { config: staff }, async (request, reply) => renderPage(request, reply, await contractOf(request)))

  app.get('/admin/contracts/:code/documents/:id', { config: staff }, async (request, reply) => {
    const contract = await contractOf(request)
    const id = documentId(request.params)
    const doc = id === undefined ? undefined : await findDocument(app.db, contract.id, id)
    if (!doc) throw new NotFoundError()
    return sendDocument(reply, doc)
  })

  app.post('/admin/contracts/:code/documents', { config: staff }, async (request, reply) => {
    const contract = await contractOf(request)
    if (contract.status === 'closed') return renderPage(request, reply, contract, { title: '' }, { file: 'admin.documents.error.closed' }, 409)
    const form = readUploadForm(request)
    const upload = checkUpload(form)
    if (!upload.ok) return renderPage(request, reply, contract, { title: form.title }, upload.errors, upload.status)
    await app.db.transaction().execute(async (trx) => {
      const id = await insertDocument(trx, { contractId: contract.id, kind: 'contractual', title: upload.title, fileName: upload.fileName, contentType: upload.contentType, content: upload.content, uploadedBy: request.user!.id }, new Date())
      await writeAudit(trx, {
        action: 'document.contractual_uploaded', actorUserId: request.user!.id, contractId: contract.id, ip: request.ip,
        details: { document_id: id, title: upload.title, file_name: upload.fileName, type: upload.type, size_bytes: upload.content.length },
      })
    })
    reply.flash('success', 'admin.documents.flash.uploaded', { title: upload.title })
    return reply.redirect(`/admin/contracts/${contract.code}/documents`, 303)
  })
}

async function renderPage(request: FastifyRequest, reply: FastifyReply, contract: Contract, values = { title: '' }, errors: FieldErrors = {}, status = 200) {
  const documents = withTypes(await listDocuments(request.server.db, contract.id))
  const company = await request.server.db.selectFrom('companies').select(['id', 'name']).where('id', '=', contract.company_id).executeTakeFirstOrThrow()
  return reply.code(status).render('admin/documents/index', { contract, company, documents, values, errors, maxMegabytes: MAX_DOCUMENT_BYTES / 1024 / 1024 })
}
