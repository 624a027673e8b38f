// To a request's author (and a contract's referent for an order) when staff
// answer on the request: the answer itself, and the way back to the request.
// Internal notes never come here.
import type { EmailTemplate } from '../layout.js'

export interface RequestReplyData {
  firstName: string
  /** REQ-000123 */
  number: string
  title: string
  contractName: string
  contractCode: string
  staffName: string
  reply: string
  /** Absolute URL of the request's page. */
  link: string
}

export const requestReply: EmailTemplate<RequestReplyData> = {
  en: (data) => ({
    subject: `New reply on ${data.number}: ${data.title}`,
    blocks: [
      { kind: 'paragraph', text: `Hello ${data.firstName},` },
      { kind: 'paragraph', text: `${data.staffName} of our support team replied on your request ${data.number} “${data.title}” (contract ${data.contractName}, ${data.contractCode}):` },
      { kind: 'quote', text: data.reply },
      { kind: 'button', label: 'Answer on the request', href: data.link },
    ],
  }),
  fr: (data) => ({
    subject: `Nouvelle réponse sur ${data.number} : ${data.title}`,
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${data.firstName},` },
      { kind: 'paragraph', text: `${data.staffName}, de notre équipe support, a répondu sur votre demande ${data.number} « ${data.title} » (contrat ${data.contractName}, ${data.contractCode}) :` },
      { kind: 'quote', text: data.reply },
      { kind: 'button', label: 'Répondre sur la demande', href: data.link },
    ],
  }),
}
