// The Need help page's data: the chosen contract and what its support level
// includes, the online help, and the two advisor forms (also what a POST
// shows again with its errors, 422).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../lib/forms.js'
import { NotFoundError } from '../../lib/http-errors.js'
import { can, loadRights } from '../../policy/index.js'
import { repairTable } from '../requests/time-to-repair.js'
import { PRIORITIES } from '../requests/request-types.js'
import { callbackSlots } from './business-hours.js'
import { helpContracts, type HelpContract } from './help.queries.js'
import { CLOUD_AVENUE_LEVELS, CLOUD_AVENUE_TABLE, FLEXIBLE_ENGINE_LEVELS, HELP_LINKS, supportContacts, supportFamily } from './support-offer.js'
import { MESSAGE_MAX } from './advisor.form.js'
import { SUBJECT_MAX } from './help.forms.js'

export interface HelpForms {
  /** The contract the page is about (the query's, or a posted form's). */
  contract?: string
  advisor?: Record<string, string>
  callback?: Record<string, string>
  errors?: FieldErrors
}

/** The query's contract among all the user's (an advisor message or a call
 * back may be about one whose support they can't see: the page then says so),
 * else the first whose support they see. */
function chosenContract(contracts: HelpContract[], all: HelpContract[], code: string | undefined): HelpContract | undefined {
  if (!code) return contracts[0]
  const contract = all.find((c) => c.code === code)
  if (!contract) throw new NotFoundError()
  return contract
}

/** The support level's contents; undefined when the user may not see the contract's support. */
async function supportOf(request: FastifyRequest, contract: HelpContract | undefined) {
  const rights = contract ? await loadRights(request.server.db, request.user!.id, contract.code) : undefined
  if (!rights || !can(rights, 'support', 'visitor')) return undefined
  const { offer, support_level: level } = rights.contract
  const repair = repairTable(offer, level)
  return {
    family: supportFamily(offer), level, contacts: supportContacts(offer, level),
    repair: PRIORITIES.map((priority) => ({ priority, hours: repair[priority] })),
    caLevels: CLOUD_AVENUE_LEVELS, caTable: CLOUD_AVENUE_TABLE, feLevels: FLEXIBLE_ENGINE_LEVELS,
    caP1: Object.fromEntries(CLOUD_AVENUE_LEVELS.map((caLevel) => [caLevel, repairTable('cloud_avenue', caLevel).P1])),
  }
}

export async function renderHelp(request: FastifyRequest, reply: FastifyReply, forms: HelpForms = {}, status = 200) {
  const { contracts, all } = await helpContracts(request.server.db, request.user!)
  const contract = chosenContract(contracts, all, forms.contract)
  const defaults = { contract: contract?.code ?? '', subject: '' }
  // The page's select offers the chosen contract too when its support isn't one the user sees.
  const choices = contract && !contracts.some((c) => c.code === contract.code) ? [...contracts, contract] : contracts
  return reply.code(status).render('help/index', {
    contracts: choices, all, contract, support: await supportOf(request, contract), links: HELP_LINKS,
    slots: callbackSlots(new Date()),
    advisor: { ...defaults, message: '', ...forms.advisor }, callback: { ...defaults, phone: '', slot: '', ...forms.callback },
    errors: forms.errors ?? {}, subjectMax: SUBJECT_MAX, messageMax: MESSAGE_MAX,
  })
}
