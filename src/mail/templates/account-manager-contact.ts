// A customer's message to their account manager, in the manager's language.
// Subject and message are the customer's own text: they are only ever
// escaped, never interpreted.
import type { EmailTemplate } from '../layout.js'

export interface AccountManagerContactData {
  managerName: string
  fromName: string
  fromEmail: string
  fromLogin: string
  companyName: string
  subject: string
  message: string
}

export const accountManagerContact: EmailTemplate<AccountManagerContactData> = {
  en: (data) => ({
    subject: `[Cloud Customer Space] ${data.companyName}: ${data.subject}`,
    blocks: [
      { kind: 'paragraph', text: `Hello ${data.managerName},` },
      { kind: 'paragraph', text: `${data.fromName} (${data.companyName}) sent you this message from Cloud Customer Space.` },
      {
        kind: 'facts',
        rows: [['From', data.fromName], ['Email', data.fromEmail], ['Login', data.fromLogin], ['Company', data.companyName], ['Subject', data.subject]],
      },
      { kind: 'quote', text: data.message },
      { kind: 'paragraph', text: `To answer, write to ${data.fromEmail}.` },
    ],
  }),
  fr: (data) => ({
    subject: `[Espace Client Cloud] ${data.companyName} : ${data.subject}`,
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${data.managerName},` },
      { kind: 'paragraph', text: `${data.fromName} (${data.companyName}) vous a envoyé ce message depuis l’Espace Client Cloud.` },
      {
        kind: 'facts',
        rows: [['De', data.fromName], ['E-mail', data.fromEmail], ['Identifiant', data.fromLogin], ['Société', data.companyName], ['Objet', data.subject]],
      },
      { kind: 'quote', text: data.message },
      { kind: 'paragraph', text: `Pour répondre, écrivez à ${data.fromEmail}.` },
    ],
  }),
}
