// Sent to a contract's billing managers and referent when this month's
// consumption reaches the alert threshold, then 100 % of the budget
// (src/features/budget/budget-alerts.ts). Amounts in the reader's locale.
import type { Locale } from '../../db/users.table.js'
import type { EmailTemplate } from '../layout.js'

export interface BudgetThresholdData {
  firstName: string
  contractName: string
  contractCode: string
  /** The threshold reached: the contract's alert threshold or 100. */
  threshold: number
  /** Consumption as a whole percentage of the budget (rounded down). */
  percentReached: number
  consumedCents: number
  budgetCents: number
  /** Absolute URL of the contract's page. */
  contractLink: string
}

const TAGS: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' }

function money(locale: Locale, cents: number): string {
  return new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100)
}

function percent(locale: Locale, value: number): string {
  return new Intl.NumberFormat(TAGS[locale], { style: 'percent', maximumFractionDigits: 0 }).format(value / 100)
}

export const budgetThreshold: EmailTemplate<BudgetThresholdData> = {
  en: (data) => ({
    subject: data.threshold >= 100
      ? `Budget reached: ${data.contractName} (${data.contractCode})`
      : `Budget alert: ${data.contractName} (${data.contractCode}) reached ${percent('en', data.threshold)} of its budget`,
    blocks: [
      { kind: 'paragraph', text: `Hello ${data.firstName},` },
      { kind: 'paragraph', text: data.threshold >= 100
        ? `The consumption of contract ${data.contractName} (${data.contractCode}) this month has reached its monthly budget.`
        : `The consumption of contract ${data.contractName} (${data.contractCode}) this month has reached the alert threshold of ${percent('en', data.threshold)} of its monthly budget.` },
      { kind: 'facts', rows: [
        ['Consumed since the 1st', money('en', data.consumedCents)],
        ['Monthly budget', money('en', data.budgetCents)],
        ['Share of the budget', percent('en', data.percentReached)],
      ] },
      { kind: 'button', label: 'Open the contract', href: data.contractLink },
      { kind: 'paragraph', text: 'The amount is an estimate from the usage received so far; your invoice is the reference. You get this message once a month per threshold.' },
    ],
  }),
  fr: (data) => ({
    subject: data.threshold >= 100
      ? `Budget atteint : ${data.contractName} (${data.contractCode})`
      : `Alerte budget : ${data.contractName} (${data.contractCode}) a atteint ${percent('fr', data.threshold)} de son budget`,
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${data.firstName},` },
      { kind: 'paragraph', text: data.threshold >= 100
        ? `La consommation du contrat ${data.contractName} (${data.contractCode}) ce mois-ci a atteint son budget mensuel.`
        : `La consommation du contrat ${data.contractName} (${data.contractCode}) ce mois-ci a atteint le seuil d’alerte de ${percent('fr', data.threshold)} de son budget mensuel.` },
      { kind: 'facts', rows: [
        ['Consommé depuis le 1er', money('fr', data.consumedCents)],
        ['Budget mensuel', money('fr', data.budgetCents)],
        ['Part du budget', percent('fr', data.percentReached)],
      ] },
      { kind: 'button', label: 'Ouvrir le contrat', href: data.contractLink },
      { kind: 'paragraph', text: 'Ce montant est une estimation à partir de la consommation reçue à ce jour ; votre facture fait foi. Vous recevez ce message une fois par mois et par seuil.' },
    ],
  }),
}
