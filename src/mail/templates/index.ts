// The registry of emails: a name, the data it needs, its text in each language.
// Adding an email is one file in this folder and one line in each list below.
import type { Locale } from '../../db/users.table.js'
import { render, type EmailTemplate, type RenderedEmail } from '../layout.js'
import { accountManagerContact, type AccountManagerContactData } from './account-manager-contact.js'
import { passwordChanged, type PasswordChangedData } from './password-changed.js'
import { passwordReset, type PasswordResetData } from './password-reset.js'
import { welcome, type WelcomeData } from './welcome.js'
import { contractAccess, type ContractAccessData } from './contract-access.js'
import { totpReset, type TotpResetData } from './totp-reset.js'
import { accountManagerReply, type AccountManagerReplyData } from './account-manager-reply.js'
import { budgetThreshold, type BudgetThresholdData } from './budget-threshold.js'
import { subscriptionCancellation, type SubscriptionCancellationData } from './subscription-cancellation.js'
import { requestStatus, type RequestStatusData } from './request-status.js'
import { requestReply, type RequestReplyData } from './request-reply.js'
import { advisorMessage, type AdvisorMessageData } from './advisor-message.js'
import { invoicePublished, type InvoicePublishedData } from './invoice-published.js'
import { orderConfirmation, type OrderConfirmationData } from './order-confirmation.js'

export type { RenderedEmail }

export interface TemplateData {
  password_changed: PasswordChangedData
  password_reset: PasswordResetData
  welcome: WelcomeData
  account_manager_contact: AccountManagerContactData
  contract_access: ContractAccessData
  totp_reset: TotpResetData
  account_manager_reply: AccountManagerReplyData
  budget_threshold: BudgetThresholdData
  subscription_cancellation: SubscriptionCancellationData
  request_status: RequestStatusData
  request_reply: RequestReplyData
  advisor_message: AdvisorMessageData
  invoice_published: InvoicePublishedData
  order_confirmation: OrderConfirmationData
}

export type TemplateName = keyof TemplateData

const templates: { [K in TemplateName]: EmailTemplate<TemplateData[K]> } = {
  password_changed: passwordChanged,
  password_reset: passwordReset,
  welcome,
  account_manager_contact: accountManagerContact,
  contract_access: contractAccess,
  totp_reset: totpReset,
  account_manager_reply: accountManagerReply,
  budget_threshold: budgetThreshold,
  subscription_cancellation: subscriptionCancellation,
  request_status: requestStatus,
  request_reply: requestReply,
  advisor_message: advisorMessage,
  invoice_published: invoicePublished,
  order_confirmation: orderConfirmation,
}

export function renderEmail<K extends TemplateName>(template: K, locale: Locale, data: TemplateData[K]): RenderedEmail {
  return render(locale, templates[template][locale](data))
}
