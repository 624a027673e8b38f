// Telling the orderer their order is placed: an in-app notification and the
// confirmation email recapping it (spec 000, "Ordering a service"), in their
// language, written in the order's transaction.
import type { Executor } from '../../db/database.js'
import type { CatalogService, PricePeriod } from '../../db/catalog.table.js'
import type { Contract } from '../../db/contracts.table.js'
import { queueEmail } from '../../mail/outbox.js'
import { notify } from '../notifications/notifications.queries.js'
import type { AnsweredField } from '../requests/requests.writes.js'
import { requestNumber } from '../requests/request-number.js'

export interface PlacedOrderRecap {
  requestId: number
  contract: Pick<Contract, 'name' | 'code'>
  service: Pick<CatalogService, 'name_en' | 'name_fr' | 'pricing'>
  answers: AnsweredField[]
  /** Null when an answer already shows it. */
  quantity: number | null
  totalCents: number | null
  /** The order's own period, as computed (a reservation's is monthly), not the service's column. */
  pricePeriod: PricePeriod | null
}

export async function confirmOrder(trx: Executor, ordererId: number, recap: PlacedOrderRecap, publicUrl: string): Promise<void> {
  const orderer = await trx.selectFrom('users').select(['email', 'first_name', 'locale']).where('id', '=', ordererId).executeTakeFirstOrThrow()
  const number = requestNumber(recap.requestId)
  const page = `/requests/${number}`
  const serviceName = orderer.locale === 'fr' ? recap.service.name_fr : recap.service.name_en
  await notify(trx, ordererId, 'order_placed', { number, service: serviceName, contract: `${recap.contract.name} (${recap.contract.code})` }, page)
  await queueEmail(trx, {
    to: orderer.email, locale: orderer.locale, template: 'order_confirmation',
    data: {
      firstName: orderer.first_name, number, serviceName, contractName: recap.contract.name, contractCode: recap.contract.code,
      answers: recap.answers.map((answer) => [answer.label[orderer.locale], answer.display?.[orderer.locale] ?? answer.value]),
      quantity: recap.quantity, totalCents: recap.totalCents, pricing: recap.service.pricing, pricePeriod: recap.pricePeriod,
      link: `${publicUrl}${page}`,
    },
  })
}
