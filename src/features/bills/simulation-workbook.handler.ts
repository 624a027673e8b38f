// GET /bills/:code/simulation.xlsx: the month to date, valued (billing managers).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { reportContracts } from './downloads.queries.js'
import { streamFile } from './downloads.stream.js'
import { refuseOrangeBusiness } from './downloads.errors.js'
import { simulationFileName, writeSimulationWorkbook } from './simulation-workbook.js'

export function simulationHandler(now: () => Date) {
  return async function sendSimulation(request: FastifyRequest, reply: FastifyReply) {
    const refused = refuseOrangeBusiness(request, reply)
    if (refused) return refused
    const { contract } = request.rights!
    const db = request.server.db
    const at = now()
    const input = { contract, contracts: await reportContracts(db, contract), now: at, i18n: request.i18n }
    return streamFile(request, reply, 'xlsx', simulationFileName(contract.code, at), (output) => writeSimulationWorkbook(db, input, output))
  }
}
