// A staff member's answer to a customer's message to their account manager,
// in the customer's language, with the original subject and message quoted.
// Every field but the names is someone's own text: only ever escaped.
import type { EmailTemplate } from '../layout.js'
import { formatDateTime } from '../format.js'

export interface AccountManagerReplyData {
  firstName: string
  /** Full name of the staff member who answers. */
  staffName: string
  /** The customer's subject and message, and when they sent it (ISO). */
  subject: string
  message: string
  sentAt: string
  reply: string
}

export const accountManagerReply: EmailTemplate<AccountManagerReplyData> = {
  en: (data) => ({
    subject: `Re: ${data.subject}`,
    blocks: [
      { kind: 'paragraph', text: `Hello ${data.firstName},` },
      { kind: 'paragraph', text: `${data.staffName} answered your message “${data.subject}”:` },
      { kind: 'quote', text: data.reply },
      { kind: 'paragraph', text: `Your message of ${formatDateTime('en', data.sentAt)}:` },
      { kind: 'quote', text: data.message },
      { kind: 'paragraph', text: 'To write again, use “My company” in Cloud Customer Space.' },
    ],
  }),
  fr: (data) => ({
    subject: `RE : ${data.subject}`,
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${data.firstName},` },
      { kind: 'paragraph', text: `${data.staffName} a répondu à votre message « ${data.subject} » :` },
      { kind: 'quote', text: data.reply },
      { kind: 'paragraph', text: `Votre message du ${formatDateTime('fr', data.sentAt)} :` },
      { kind: 'quote', text: data.message },
      { kind: 'paragraph', text: 'Pour écrire de nouveau, utilisez « Ma société » dans l’Espace Client Cloud.' },
    ],
  }),
}
