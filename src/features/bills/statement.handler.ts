// GET /bills/:code/statement and /bills/:code/statement.csv: the account
// statement, billing managers only (the route policy).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { csvHeaders } from '../admin/records/csv.js'
import { statementCsv } from './statement.csv.js'
import { statementOf } from './statement.entries.js'
import { situationOf } from './page.data.js'
import { NotFoundError } from '../../lib/http-errors.js'

export async function showStatement(request: FastifyRequest, reply: FastifyReply) {
  const { contract } = request.rights!
  const situation = situationOf(contract)
  // Orange Business invoices are not shown in the customer space: the page says so instead.
  const statement = situation === 'orange_business' ? undefined : await statementOf(request.server.db, contract.id)
  return reply.render('bills/statement', { contract, statement, situation })
}

export async function downloadStatement(request: FastifyRequest, reply: FastifyReply) {
  const { contract } = request.rights!
  if (situationOf(contract) === 'orange_business') throw new NotFoundError()
  const statement = await statementOf(request.server.db, contract.id)
  const today = new Date().toISOString().slice(0, 10)
  return reply.headers({ ...csvHeaders(`statement-${contract.code}-${today}.csv`), 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' })
    .send(statementCsv(statement, request.i18n.t))
}
