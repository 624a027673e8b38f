// The answer when the files asked for can't be produced: a 422 page listing
// each problem, with the way back to the bills page (a form of another area:
// this page is the downloads' own).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FileProblem } from './downloads.files.js'

export function renderDownloadError(request: FastifyRequest, reply: FastifyReply, problems: FileProblem[], status = 422) {
  return reply.code(status).header('cache-control', 'no-store').render('bills/download-error', { contract: request.rights!.contract, problems })
}

/** An Orange Business contract's billing data isn't shown in the customer space (the page hides it): its files are
 * refused with the PDF route's 403 notice. The reply sent, or undefined to go on. */
export function refuseOrangeBusiness(request: FastifyRequest, reply: FastifyReply) {
  if (request.rights!.contract.offer !== 'orange_business') return undefined
  return renderDownloadError(request, reply, [{ value: '', error: 'bills.files.error.orange_business' }], 403)
}
