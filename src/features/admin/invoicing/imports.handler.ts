// Usage imports (issue 10 §1): a CSV file checked whole, then written in one
// transaction with its usage_imports row (the file's SHA-256, unique: the
// same bytes twice import once) and an audit row.
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../../lib/forms.js'
import { BadRequestError } from '../../../lib/http-errors.js'
import { cleanFileName } from '../../documents/file-types.js'
import type { UploadedFile } from '../../documents/upload.js'
import { parseUsageCsv, resolveContracts, type Problem } from '../../bills/usage-import.js'
import { microToCents } from '../../bills/pricing.js'
import { writeImport } from './imports.writes.js'
import { utcDay } from '../../usage/usage.queries.js'
import { findImport, listImports } from './invoices.queries.js'

interface ImportView {
  errors?: FieldErrors
  problems?: Problem[]
  problemCount?: number
}

async function renderImports(request: FastifyRequest, reply: FastifyReply, view: ImportView = {}, status = 200) {
  const imports = await listImports(request.server.db)
  return reply.code(status).render('admin/invoicing/imports', { errors: {}, problems: [], problemCount: 0, ...view, imports })
}

// GET /admin/billing/usage-imports
export const showImports = (request: FastifyRequest, reply: FastifyReply) => renderImports(request, reply)

function uploadedFile(request: FastifyRequest): UploadedFile | undefined {
  const file = (request.body as Record<string, unknown> | undefined)?.file
  if (Array.isArray(file)) throw new BadRequestError('file sent twice')
  return typeof file === 'object' && file !== null && (file as UploadedFile).fileName ? (file as UploadedFile) : undefined
}

// POST /admin/billing/usage-imports (multipart: _csrf, file)
export async function importUsage(request: FastifyRequest, reply: FastifyReply) {
  const file = uploadedFile(request)
  if (!file) return renderImports(request, reply, { errors: { file: 'admin.invoicing.import.error.file_required' } }, 422)
  if (file.tooLarge) return renderImports(request, reply, { errors: { file: { key: 'admin.invoicing.import.error.too_large', params: { max: '10 MB' } } } }, 413)
  const sha256 = createHash('sha256').update(file.content).digest('hex')
  const before = await findImport(request.server.db, sha256)
  if (before) return alreadyImported(request, reply, before)
  const parsed = parseUsageCsv(file.content, utcDay(new Date()))
  if (!parsed.ok) return refuse(request, reply, parsed.problems, parsed.count)
  const contracts = await resolveContracts(request.server.db, parsed.lines)
  if (contracts.count > 0) return refuse(request, reply, contracts.problems, contracts.count)
  const fileName = cleanFileName(file.fileName).slice(0, 200)
  const meanwhile = await request.server.db.transaction().execute((trx) =>
    writeImport(trx, { sha256, fileName, lines: parsed.lines, amountMicro: parsed.amountMicro, contractIds: contracts.ids, staffId: request.user!.id, ip: request.ip }))
  if (meanwhile && 'refused' in meanwhile) return refuse(request, reply, meanwhile.refused.problems, meanwhile.refused.count)
  if (meanwhile) return alreadyImported(request, reply, meanwhile)
  reply.flash('success', 'admin.invoicing.import.done', { count: parsed.lines.length, amount: request.i18n.fmt.money(microToCents(parsed.amountMicro)) })
  return reply.redirect('/admin/billing/usage-imports', 303)
}

function alreadyImported(request: FastifyRequest, reply: FastifyReply, before: { imported_at: string; first_name: string; last_name: string }) {
  return renderImports(request, reply, { errors: { file: { key: 'admin.invoicing.import.error.already', params: {
    date: request.i18n.fmt.dateTime(before.imported_at), name: `${before.first_name} ${before.last_name}` } } } }, 422)
}

function refuse(request: FastifyRequest, reply: FastifyReply, problems: Problem[], count: number) {
  return renderImports(request, reply, { errors: { file: { key: 'admin.invoicing.import.error.refused', params: { count } } }, problems, problemCount: count }, 422)
}
