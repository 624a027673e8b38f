// Demo bills: the two previous months closed into invoices by the real
// invoicing run (closeMonth: pricing.ts, gapless numbers, grouped invoice of
// the multi-services contract), published, a credit note on Rivage Core
// Banking, payments of the older month, the companies' VAT numbers and two
// administrative contacts. Dates follow `now`, so the history always ends
// last month.
//
// Publication here only sets `published_at`: the demo's history was
// delivered long ago, and publishInvoice's notifications and emails would
// fill every demo user's inbox and the outbox at each start.
import type { Executor } from '../src/db/database.js'
import type { InvoiceRow } from '../src/db/invoices.table.js'
import { closeMonth, issueCreditNote, recordPayment } from '../src/features/bills/invoicing.js'

/** French VAT numbers (FR + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97). */
const VAT_NUMBERS: Record<string, string> = {
  'Hexagone Industries': 'FR96552100554',
  'Atelier Lumière SAS': 'FR20813245901',
  'Banque du Rivage': 'FR92401778230',
}

const ADMIN_CONTACTS: Record<string, [name: string, email: string]> = {
  OCB0000101: ['Service comptabilité Hexagone', 'comptabilite@hexagone.example'],
  OCB0000301: ['Marc Durand (comptabilité fournisseurs)', 'fournisseurs@rivage.example'],
}

/** Whose older invoice stays unpaid: its statement shows a balance from two months. */
const UNPAID = new Set(['OCB0000103'])

export async function seedDemoBills(trx: Executor, now: Date): Promise<void> {
  const contractIds = new Map((await trx.selectFrom('contracts').select(['code', 'id']).execute()).map((row) => [row.code, row.id]))
  await setBillingIdentity(trx, contractIds)
  const staff = await trx.selectFrom('users').select('id').where('login', '=', 'nadia.benali').executeTakeFirst()
  const staffId = staff?.id ?? null
  const [older, last] = [monthsBefore(now, 2), monthsBefore(now, 1)]
  const olderInvoices = await closeAndPublish(trx, older, atDay(now, 1, 1), staffId)
  await closeAndPublish(trx, last, atDay(now, 0, 1), staffId)
  const code = codesById(contractIds)
  let credited: InvoiceRow | undefined
  const rivage = olderInvoices.find((invoice) => code.get(invoice.contract_id) === 'OCB0000301')
  if (rivage) {
    credited = await issueCreditNote(trx, rivage, { amountCents: Math.round(rivage.total_excl_cents / 10), reason: 'Service credit: Object Storage unavailability (SLA)', now: atDay(now, 1, 10), staffId })
    await publish(trx, [credited], atDay(now, 1, 10))
  }
  if (staffId === null) return
  for (const invoice of olderInvoices.filter((row) => !UNPAID.has(code.get(row.contract_id) ?? ''))) {
    const due = invoice.total_incl_cents + (credited && credited.corrects_invoice_id === invoice.id ? credited.total_incl_cents : 0)
    const receivedOn = atDay(now, 1, 20).toISOString().slice(0, 10)
    await recordPayment(trx, invoice, { amountCents: due, receivedOn, reference: `VIR-${invoice.number}`, now: atDay(now, 1, 20), staffId })
  }
}

async function closeAndPublish(trx: Executor, month: string, at: Date, staffId: number | null): Promise<InvoiceRow[]> {
  const { issued } = await closeMonth(trx, { contractId: 'all', month, now: at, staffId })
  await publish(trx, issued, at)
  return issued
}

async function publish(trx: Executor, invoices: InvoiceRow[], at: Date): Promise<void> {
  if (invoices.length === 0) return
  await trx.updateTable('invoices').set({ published_at: at.toISOString() }).where('id', 'in', invoices.map((invoice) => invoice.id)).execute()
}

async function setBillingIdentity(trx: Executor, contractIds: Map<string, number>): Promise<void> {
  for (const [name, vat] of Object.entries(VAT_NUMBERS)) {
    await trx.updateTable('companies').set({ vat_number: vat }).where('name', '=', name).execute()
  }
  for (const [code, [name, email]] of Object.entries(ADMIN_CONTACTS)) {
    const id = contractIds.get(code)
    if (id !== undefined) await trx.updateTable('contracts').set({ admin_contact_name: name, admin_contact_email: email }).where('id', '=', id).execute()
  }
}

function codesById(contractIds: Map<string, number>): Map<number, string> {
  return new Map([...contractIds].map(([code, id]) => [id, code]))
}

/** YYYY-MM of the UTC month `back` months before `now`'s. */
function monthsBefore(now: Date, back: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7)
}

/** 08:00 UTC on `day` of the month `back` months before `now`'s, never later than `now` (a seed on the 1st at dawn). */
function atDay(now: Date, back: number, day: number): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, day, 8))
  return at.getTime() > now.getTime() ? now : at
}
