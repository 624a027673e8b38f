// The answer when the files asked for can't be produced: a 422 page listing
// each problem, with the way back to the bills page (a form of another area:
// this page is the downloads' own).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FileProblem } from './downloads.files.js'

export function renderDownloadError(request: FastifyRequest, reply: FastifyReply, problems: FileProblem[], status = 422) {
  return reply.code(status).header('cache-control', 'no-store').render('bills/download-error', { contract: request.rights!.contract, problems })
}
