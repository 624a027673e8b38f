// A service's order form: its field definitions (the change catalog's
// mechanism), the values it opens with, and the page that shows it, with the
// price before the one Order button and a fresh one-time token.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { MessageKey } from '../../i18n/index.js'
import type { FieldErrors } from '../../lib/forms.js'
import { forDisplay, parseFieldDefinitions, type FieldDefinition } from '../../lib/field-definitions.js'
import type { CatalogService } from '../../db/catalog.table.js'
import { freshOrderToken } from './order.gate.js'
import { fixedPriceFingerprint } from './order-token.js'
import type { Orderable } from './order.lookup.js'
import { priceOf, quantityDefinition } from './order.pricing.js'

export function definitionsOf(service: Pick<CatalogService, 'fields_json'>): FieldDefinition[] {
  return parseFieldDefinitions(service.fields_json)
}

/** A new form: the quantity field (if the price depends on one) starts at its minimum. */
export function openingValues(service: CatalogService): Record<string, string> {
  const quantity = quantityDefinition(service, definitionsOf(service))
  return quantity ? { [quantity.name]: String(Math.max(quantity.min ?? 1, 1)) } : {}
}

export interface OrderFormState {
  values: Record<string, string>
  errors?: FieldErrors
  /** A refusal of the whole form (token, backup already active): shown in the summary, linked to the button. */
  formError?: MessageKey
}

export function renderOrderForm(request: FastifyRequest, reply: FastifyReply, found: Orderable, state: OrderFormState, status = 200) {
  const { service, viewer } = found
  const definitions = definitionsOf(service)
  const quantity = quantityDefinition(service, definitions)
  return reply.code(status).render('catalog/order', {
    contract: viewer.contract, service, definitions: forDisplay(definitions), values: state.values, errors: state.errors ?? {},
    formError: state.formError ? request.i18n.t(state.formError) : undefined, formErrorField: 'order-submit',
    price: priceOf(service, definitions, state.values), quantityField: quantity?.name ?? null, quantityMax: quantity?.max ?? null,
    orderToken: freshOrderToken(request, found, fixedPriceFingerprint(service)),
  })
}
