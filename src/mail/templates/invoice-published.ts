// Sent when an invoice or a credit note is published (src/features/bills/
// invoicing-publish.ts): to the contract's billing managers and referent in
// their language, and to its administrative contact (French unless known).
// For people with a portal account the PDF is linked, not attached: the link
// goes through the portal's login and rights, and the outbox row stays small.
// The administrative contact may have no account to follow it: their email
// carries the PDF (`attachedFileName`) and says so instead of linking it.
import type { Locale } from '../../db/users.table.js'
import type { EmailTemplate } from '../layout.js'

export interface InvoicePublishedData {
  /** Empty for an administrative contact with no name on file. */
  firstName: string
  kind: 'invoice' | 'credit_note'
  number: string
  contractName: string
  contractCode: string
  /** YYYY-MM */
  month: string
  totalInclCents: number
  /** YYYY-MM-DD */
  dueOn: string
  /** Absolute URLs. */
  pdfLink: string
  billsLink: string
  /** Set when the PDF is attached to the email (the administrative contact's): no link then. */
  attachedFileName?: string
}

const TAGS: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' }

function money(locale: Locale, cents: number): string {
  return new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100)
}

function date(locale: Locale, day: string): string {
  return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))
}

function month(locale: Locale, value: string): string {
  return new Intl.DateTimeFormat(TAGS[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${value}-01T00:00:00Z`))
}

export const invoicePublished: EmailTemplate<InvoicePublishedData> = {
  en: (data) => {
    const what = data.kind === 'invoice' ? 'invoice' : 'credit note'
    return {
      subject: `Your ${what} ${data.number}: ${data.contractName} (${data.contractCode})`,
      blocks: [
        { kind: 'paragraph', text: data.firstName ? `Hello ${data.firstName},` : 'Hello,' },
        { kind: 'paragraph', text: `A new ${what} is available for contract ${data.contractName} (${data.contractCode}), for the usage of ${month('en', data.month)}.` },
        { kind: 'facts', rows: data.kind === 'invoice'
          ? [['Number', data.number], ['Total incl. VAT', money('en', data.totalInclCents)], ['Due date', date('en', data.dueOn)]]
          : [['Number', data.number], ['Total incl. VAT', money('en', data.totalInclCents)]] },
        ...(data.attachedFileName
          ? [{ kind: 'paragraph' as const, text: `The ${what} is attached to this email as a PDF file: ${data.attachedFileName}.` }]
          : [{ kind: 'button' as const, label: `Download the ${what} (PDF)`, href: data.pdfLink },
              { kind: 'paragraph' as const, text: `All your invoices, usage and account statement: ${data.billsLink}` }]),
      ],
    }
  },
  fr: (data) => {
    const article = data.kind === 'invoice' ? 'Votre facture' : 'Votre avoir'
    return {
      subject: `${article} ${data.number} : ${data.contractName} (${data.contractCode})`,
      blocks: [
        { kind: 'paragraph', text: data.firstName ? `Bonjour ${data.firstName},` : 'Bonjour,' },
        { kind: 'paragraph', text: `${data.kind === 'invoice' ? 'Une nouvelle facture est disponible' : 'Un nouvel avoir est disponible'} pour le contrat ${data.contractName} (${data.contractCode}), pour la consommation de ${month('fr', data.month)}.` },
        { kind: 'facts', rows: data.kind === 'invoice'
          ? [['Numéro', data.number], ['Total TTC', money('fr', data.totalInclCents)], ['Échéance', date('fr', data.dueOn)]]
          : [['Numéro', data.number], ['Total TTC', money('fr', data.totalInclCents)]] },
        ...(data.attachedFileName
          ? [{ kind: 'paragraph' as const, text: `${data.kind === 'invoice' ? 'La facture est jointe' : 'L’avoir est joint'} à cet e-mail au format PDF : ${data.attachedFileName}.` }]
          : [{ kind: 'button' as const, label: data.kind === 'invoice' ? 'Télécharger la facture (PDF)' : 'Télécharger l’avoir (PDF)', href: data.pdfLink },
              { kind: 'paragraph' as const, text: `Toutes vos factures, votre consommation et votre relevé de compte : ${data.billsLink}` }]),
      ],
    }
  },
}
