// To a request's author (and a contract's referent for an order) when staff
// move the request: its new status, and a rejection's reason.
import type { Locale } from '../../db/users.table.js'
import type { EmailTemplate } from '../layout.js'

export type RequestStatusValue = 'transmitted' | 'in_progress' | 'completed' | 'rejected'

export interface RequestStatusData {
  firstName: string
  /** REQ-000123 */
  number: string
  title: string
  contractName: string
  contractCode: string
  status: RequestStatusValue
  /** A rejection's reason, written by staff. */
  reason: string | null
  /** Absolute URL of the request's page. */
  link: string
}

const STATUSES: Record<Locale, Record<RequestStatusValue, string>> = {
  en: { transmitted: 'transmitted', in_progress: 'in progress', completed: 'completed', rejected: 'rejected' },
  fr: { transmitted: 'transmise', in_progress: 'en cours', completed: 'terminée', rejected: 'rejetée' },
}

export const requestStatus: EmailTemplate<RequestStatusData> = {
  en: (data) => ({
    subject: `${data.number} is ${STATUSES.en[data.status]}: ${data.title}`,
    blocks: [
      { kind: 'paragraph', text: `Hello ${data.firstName},` },
      { kind: 'paragraph', text: `Your request ${data.number} “${data.title}” on the contract ${data.contractName} (${data.contractCode}) is now ${STATUSES.en[data.status]}.` },
      ...(data.reason ? [{ kind: 'paragraph' as const, text: 'The reason given by our support team:' }, { kind: 'quote' as const, text: data.reason }] : []),
      { kind: 'button', label: 'Open the request', href: data.link },
    ],
  }),
  fr: (data) => ({
    subject: `${data.number} ${STATUSES.fr[data.status]} : ${data.title}`,
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${data.firstName},` },
      { kind: 'paragraph', text: `Votre demande ${data.number} « ${data.title} » sur le contrat ${data.contractName} (${data.contractCode}) est désormais ${STATUSES.fr[data.status]}.` },
      ...(data.reason ? [{ kind: 'paragraph' as const, text: 'Le motif donné par notre équipe support :' }, { kind: 'quote' as const, text: data.reason }] : []),
      { kind: 'button', label: 'Ouvrir la demande', href: data.link },
    ],
  }),
}
