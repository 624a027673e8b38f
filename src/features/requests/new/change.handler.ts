// Requesting a change: the change catalog of the contract's offer (catalog →
// category → item), then the chosen item's own form, built and checked from
// its field definitions. An item that is unknown, inactive or not offered on
// the contract's offer is a 404, on the page and on the form alike.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../../lib/forms.js'
import { field } from '../../../lib/forms.js'
import { forDisplay } from '../../../lib/field-definitions.js'
import { NotFoundError } from '../../../lib/http-errors.js'
import { requestNumber } from '../request-number.js'
import { insertRequest } from '../requests.writes.js'
import { findChangeItem, groupCatalog, listChangeItems, type CatalogEntry } from './change-catalog.queries.js'
import { CHANGE_DESCRIPTION_MAX, itemDefinitions, readChangeForm } from './change.form.js'

export async function showChange(request: FastifyRequest, reply: FastifyReply) {
  const { contract } = request.rights!
  const code = field(request.query, 'item')
  if (code === '') {
    const catalogs = groupCatalog(await listChangeItems(request.server.db, contract.offer))
    return reply.render('requests/new/change-catalog', { contract, catalogs })
  }
  return renderItem(request, reply, await itemOf(request, code))
}

export async function sendChange(request: FastifyRequest, reply: FastifyReply) {
  const { contract } = request.rights!
  const entry = await itemOf(request, field(request.body, 'item'))
  const { locale } = request.i18n
  const form = readChangeForm(itemDefinitions(entry), request.body, locale)
  if (Object.keys(form.errors).length > 0) return renderItem(request, reply, entry, form.values, form.errors, 422)
  const now = new Date()
  const id = await request.server.db.transaction().execute((trx) => insertRequest(trx, {
    contractId: contract.id, type: 'change', title: locale === 'fr' ? entry.item.name_fr : entry.item.name_en,
    description: form.description, itemCode: entry.item.code, fields: form.answers, authorId: request.user!.id,
  }, now))
  reply.flash('success', 'requests.new.sent', { number: requestNumber(id) })
  return reply.redirect(`/requests/${requestNumber(id)}`, 303)
}

async function itemOf(request: FastifyRequest, code: string): Promise<CatalogEntry> {
  const entry = await findChangeItem(request.server.db, request.rights!.contract.offer, code)
  if (!entry) throw new NotFoundError()
  return entry
}

function renderItem(request: FastifyRequest, reply: FastifyReply, entry: CatalogEntry, values: Record<string, string> = {}, errors: FieldErrors = {}, status = 200) {
  return reply.code(status).render('requests/new/change-item', {
    contract: request.rights!.contract, entry, definitions: forDisplay(itemDefinitions(entry)), values, errors, descriptionMax: CHANGE_DESCRIPTION_MAX,
  })
}
