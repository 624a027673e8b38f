// A customer's message from Need help to their customer advisor (the
// company's account manager, or the support centre), in the company's
// language. Subject and message are the customer's own text: only escaped.
import type { EmailTemplate } from '../layout.js'

export interface AdvisorMessageData {
  advisorName: string
  fromName: string
  fromEmail: string
  fromLogin: string
  companyName: string
  contractCode: string
  contractName: string
  subject: string
  message: string
}

export const advisorMessage: EmailTemplate<AdvisorMessageData> = {
  en: (data) => ({
    subject: `[Cloud Customer Space] ${data.contractCode}: ${data.subject}`,
    blocks: [
      { kind: 'paragraph', text: `Hello ${data.advisorName},` },
      { kind: 'paragraph', text: `${data.fromName} (${data.companyName}) asks a customer advisor for help from Cloud Customer Space.` },
      {
        kind: 'facts',
        rows: [['From', data.fromName], ['Email', data.fromEmail], ['Login', data.fromLogin], ['Company', data.companyName],
          ['Contract', `${data.contractName} (${data.contractCode})`], ['Subject', data.subject]],
      },
      { kind: 'quote', text: data.message },
      { kind: 'paragraph', text: `To answer, write to ${data.fromEmail}; the message is also in the back-office inbox.` },
    ],
  }),
  fr: (data) => ({
    subject: `[Espace Client Cloud] ${data.contractCode} : ${data.subject}`,
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${data.advisorName},` },
      { kind: 'paragraph', text: `${data.fromName} (${data.companyName}) demande l’aide d’un conseiller client depuis l’Espace Client Cloud.` },
      {
        kind: 'facts',
        rows: [['De', data.fromName], ['E-mail', data.fromEmail], ['Identifiant', data.fromLogin], ['Société', data.companyName],
          ['Contrat', `${data.contractName} (${data.contractCode})`], ['Objet', data.subject]],
      },
      { kind: 'quote', text: data.message },
      { kind: 'paragraph', text: `Pour répondre, écrivez à ${data.fromEmail} ; le message est aussi dans la boîte de réception du back-office.` },
    ],
  }),
}
