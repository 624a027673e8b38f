// POST /help/advisor's form: contract, subject, message. Errors are keyed by
// the field's id on the Need help page (two forms there have a subject).
import { cleanMultiline, cleanText, field, type FieldErrors } from '../../lib/forms.js'
import { readContract, SUBJECT_MAX } from './help.forms.js'
import type { HelpContract } from './help.queries.js'

export const MESSAGE_MAX = 5000

export interface AdvisorForm {
  contract: string
  subject: string
  message: string
}

export function readAdvisorForm(body: unknown, contracts: HelpContract[]) {
  const { code, contract } = readContract(body, contracts)
  const values: AdvisorForm = { contract: code, subject: cleanText(field(body, 'subject')), message: cleanMultiline(field(body, 'message')) }
  const errors: FieldErrors = {}
  if (!contract) errors['advisor-contract'] = 'help.error.contract_required'
  if (!values.subject) errors['advisor-subject'] = 'help.error.subject_required'
  else if (values.subject.length > SUBJECT_MAX) errors['advisor-subject'] = { key: 'help.error.too_long', params: { max: SUBJECT_MAX } }
  if (!values.message) errors.message = 'help.error.message_required'
  else if (values.message.length > MESSAGE_MAX) errors.message = { key: 'help.error.too_long', params: { max: MESSAGE_MAX } }
  return { values, contract, errors: Object.keys(errors).length > 0 ? errors : undefined }
}
