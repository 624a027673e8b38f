// POST /bills/:code/download (billing managers): the files ticked on the
// bills page (`files`, repeated) as one zip, bills-OCB0000101-2026-11-14.zip.
// None, more than 40, or any file unknown, of another contract or of a bad
// month: a 422 page naming each problem, and no zip.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { utcDay } from '../usage/usage.queries.js'
import { filesField, parseFiles } from './downloads.files.js'
import { reportContracts } from './downloads.queries.js'
import { streamFile } from './downloads.stream.js'
import { refuseOrangeBusiness, renderDownloadError } from './downloads.errors.js'
import { resolveEntries, writeZip } from './zip-download.js'

export function zipDownloadHandler(now: () => Date) {
  return async function sendZip(request: FastifyRequest, reply: FastifyReply) {
    const refused = refuseOrangeBusiness(request, reply)
    if (refused) return refused
    const { contract } = request.rights!
    const choice = parseFiles(filesField(request.body))
    if (choice.files.length === 0) return renderDownloadError(request, reply, choice.problems)
    const db = request.server.db
    const at = now()
    const resolved = await resolveEntries({ db, contract, contracts: await reportContracts(db, contract), i18n: request.i18n, now: at }, choice.files)
    const problems = [...choice.problems, ...(resolved.ok ? [] : resolved.problems)]
    if (!resolved.ok || problems.length > 0) return renderDownloadError(request, reply, problems)
    return streamFile(request, reply, 'zip', `bills-${contract.code}-${utcDay(at)}.zip`, (output) => writeZip(resolved.entries, output, at))
  }
}
