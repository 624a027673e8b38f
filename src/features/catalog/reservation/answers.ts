// What a reservation order recaps, as request answers with their labels in
// both languages: the request page and the confirmation email show them in
// the reader's language.
import { translator, type MessageKey, type Params } from '../../../i18n/index.js'
import type { AnsweredField } from '../../requests/requests.writes.js'
import type { PickedOffer } from './summary.js'

const both = (key: MessageKey, params?: Params) => ({ en: translator('en').t(key, params), fr: translator('fr').t(key, params) })
const money = (cents: number) => ({ en: translator('en').fmt.money(cents), fr: translator('fr').fmt.money(cents) })

export function reservationAnswers({ offer, quantity }: PickedOffer): AnsweredField[] {
  return [
    { name: 'kind', label: both('catalog.reservation.field.kind'), value: offer.kind, display: both(`subscriptions.kind.${offer.kind}`) },
    { name: 'region', label: both('catalog.reservation.field.region'), value: offer.region_code },
    { name: 'flavour', label: both('catalog.reservation.field.flavour'), value: offer.flavour },
    { name: 'quantity', label: both('catalog.reservation.field.quantity'), value: String(quantity) },
    { name: 'commitment', label: both('catalog.reservation.field.commitment'), value: String(offer.commitment_months), display: both('catalog.reservation.months', { count: offer.commitment_months }) },
    { name: 'payment_method', label: both('catalog.reservation.field.payment'), value: offer.payment_method, display: both(`subscriptions.payment.${offer.payment_method}`) },
    { name: 'monthly_price', label: both('catalog.reservation.field.unit_price'), value: String(offer.monthly_price_cents), display: money(offer.monthly_price_cents) },
  ]
}
