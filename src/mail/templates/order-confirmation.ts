// To whoever placed an order (spec 000: "a confirmation email is sent to you
// to recap your order"): the service, the contract, every answer of the form
// and the price (per month when the order's computed period is monthly, a
// reservation included), with the link to follow it in Requests.
import type { Locale } from '../../db/users.table.js'
import { formatEuros } from '../format.js'
import type { EmailTemplate } from '../layout.js'

export interface OrderConfirmationData {
  firstName: string
  /** REQ-000123 */
  number: string
  /** The service's name in the recipient's language. */
  serviceName: string
  contractName: string
  contractCode: string
  /** The form's answers, label and value, in the recipient's language. */
  answers: Array<[label: string, value: string]>
  /** Null (or absent) when an answer already shows it. */
  quantity?: number | null
  /** Excluding VAT; null: free or on quote (see pricing). */
  totalCents: number | null
  pricing: 'free' | 'fixed' | 'quote' | 'reservation'
  pricePeriod: 'one_time' | 'monthly' | null
  /** Absolute URL of the order's page in Requests. */
  link: string
}

const TEXTS = {
  en: { subject: 'Your order', hello: 'Hello', placed: (d: OrderConfirmationData) => `We have received your order ${d.number} of “${d.serviceName}” on the contract ${d.contractName} (${d.contractCode}). It is transmitted to our teams; you can follow it in Requests.`,
    service: 'Service', contract: 'Contract', quantity: 'Quantity', price: 'Price excluding VAT', free: 'Free', quote: 'On quote: an advisor will contact you',
    monthly: 'per month', open: 'Follow the order' },
  fr: { subject: 'Votre commande', hello: 'Bonjour', placed: (d: OrderConfirmationData) => `Nous avons bien reçu votre commande ${d.number} de « ${d.serviceName} » sur le contrat ${d.contractName} (${d.contractCode}). Elle est transmise à nos équipes ; vous pouvez la suivre dans Demandes.`,
    service: 'Service', contract: 'Contrat', quantity: 'Quantité', price: 'Prix hors TVA', free: 'Gratuit', quote: 'Sur devis : un conseiller vous contactera',
    monthly: 'par mois', open: 'Suivre la commande' },
} as const

function price(locale: Locale, data: OrderConfirmationData): string {
  const text = TEXTS[locale]
  if (data.pricing === 'free') return text.free
  if (data.pricing === 'quote' || data.totalCents === null) return text.quote
  const amount = formatEuros(locale, data.totalCents)
  return data.pricePeriod === 'monthly' ? `${amount} ${text.monthly}` : amount
}

function email(locale: Locale) {
  return (data: OrderConfirmationData) => {
    const text = TEXTS[locale]
    return {
      subject: `${text.subject} ${data.number}${locale === 'fr' ? ' :' : ':'} ${data.serviceName}`,
      blocks: [
        { kind: 'paragraph' as const, text: `${text.hello} ${data.firstName},` },
        { kind: 'paragraph' as const, text: text.placed(data) },
        { kind: 'facts' as const, rows: [
          [text.service, data.serviceName] as [string, string],
          [text.contract, `${data.contractName} (${data.contractCode})`] as [string, string],
          ...data.answers,
          ...(data.quantity != null && data.quantity > 1 ? [[text.quantity, String(data.quantity)] as [string, string]] : []),
          [text.price, price(locale, data)] as [string, string],
        ] },
        { kind: 'button' as const, label: text.open, href: data.link },
      ],
    }
  }
}

export const orderConfirmation: EmailTemplate<OrderConfirmationData> = { en: email('en'), fr: email('fr') }
