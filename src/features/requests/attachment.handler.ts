// GET /requests/:number/attachments/:id: a file of a request the user sees,
// sent as a download; one of an internal note doesn't exist for them (404).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { NotFoundError } from '../../lib/http-errors.js'
import { sendAttachment } from './attachments.js'
import { findPublicAttachment } from './details.queries.js'
import { targetRequest } from './details.target.js'

const ID = /^[1-9][0-9]{0,14}$/

export async function downloadAttachment(request: FastifyRequest, reply: FastifyReply) {
  const req = await targetRequest(request)
  const raw = (request.params as { id?: unknown }).id
  const file = typeof raw === 'string' && ID.test(raw) ? await findPublicAttachment(request.server.db, req.id, Number(raw)) : undefined
  if (!file) throw new NotFoundError()
  return sendAttachment(reply, file)
}
