// Small records for tests that need something the demo data lacks.
import type { DB } from '../../src/db/database.js'
import type { Offer } from '../../src/db/contracts.table.js'
import { hashPassword } from '../../src/lib/passwords.js'
import type { Level, Section } from '../../src/policy/index.js'
import { roleRows } from '../../scripts/seed-demo.js'
import { insertRequest, type AnsweredField, type NewRequest } from '../../src/features/requests/requests.writes.js'
import { placeOrder } from '../../src/features/catalog/orders.writes.js'
import type { RequestStatus } from '../../src/features/requests/request-types.js'

let sequence = 0
const next = () => ++sequence
const now = () => new Date().toISOString()

export async function createCompany(db: DB, name = `Company ${next()}`): Promise<number> {
  const row = await db.insertInto('companies').values({
    name, registration_number: null, address: null, postal_code: null, city: 'Paris', country: 'FR',
    account_manager_name: null, account_manager_email: null, account_manager_phone: null, created_at: now(),
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function createUser(db: DB, fields: { login?: string; password?: string; companyId?: number; locale?: 'en' | 'fr' } = {}) {
  const n = next()
  const login = fields.login ?? `test.user${n}`
  const row = await db.insertInto('users').values({
    login, email: `${login}@test.example`, title: null, first_name: 'Test', last_name: `User ${n}`,
    phone_mobile: null, phone_landline: null, password_hash: fields.password ? await hashPassword(fields.password) : null,
    locale: fields.locale ?? 'en', company_id: fields.companyId ?? null, locked_until: null, last_login_at: null, created_at: now(), updated_at: now(),
  }).returning(['id', 'login']).executeTakeFirstOrThrow()
  return row
}

export async function createContract(db: DB, fields: { companyId: number; offer?: Offer; referentId?: number | null; code?: string }) {
  const n = next()
  const code = fields.code ?? `OCB9${String(n).padStart(6, '0')}`
  const row = await db.insertInto('contracts').values({
    code, name: `Contract ${n}`, company_id: fields.companyId, offer: fields.offer ?? 'fe', status: 'active',
    support_level: 'standard', support_commitment_end: null, referent_user_id: fields.referentId ?? null, domain_owner_user_id: null,
    ref1: null, ref2: null, ref3: null, budget_cents: null, budget_threshold_percent: null, grouping_contract_id: null,
    start_date: null, created_at: now(), updated_at: now(),
  }).returning(['id', 'code', 'offer']).executeTakeFirstOrThrow()
  return row
}

/** Declares the user on the contract with these roles (others: lowest offered). */
export async function grantRoles(db: DB, contract: { id: number; offer: Offer }, userId: number, roles: Partial<Record<Section, Level>> | 'highest') {
  await db.insertInto('contract_roles').values(roleRows(contract.id, userId, contract.offer, roles)).execute()
}

/** A request as submitted at `at` (default now), then set to `status` (no history row for that: use recordStatusChange when the history matters). */
export async function createRequest(db: DB, fields: Partial<Omit<NewRequest, 'contractId' | 'authorId'>> & { contractId: number; authorId: number; status?: RequestStatus; at?: Date }): Promise<number> {
  const { status, at = new Date(), ...request } = fields
  const id = await insertRequest(db, { type: 'incident', title: `Request ${next()}`, ...request }, at)
  if (status && status !== 'transmitted') await db.updateTable('requests').set({ status }).where('id', '=', id).execute()
  return id
}

/** An invoice (or credit note) of a contract with its lines, inserted as the
 * invoicing run would leave it: customer and references frozen from the
 * contract and its company, totals from the lines (VAT 20 %), published
 * unless `published: false`. Returns its id. */
export async function createInvoice(db: DB, fields: {
  contractCode: string; number: string; month: string; kind?: 'invoice' | 'credit_note'; published?: boolean
  lines: Array<{ service: string; amountExclCents: number; contractCode?: string; description?: string }>
  correctsInvoiceId?: number; reason?: string; vatNumber?: string | null
}): Promise<number> {
  const contract = await db.selectFrom('contracts').innerJoin('companies', 'companies.id', 'contracts.company_id')
    .select(['contracts.id', 'contracts.code', 'contracts.name', 'contracts.ref1', 'contracts.ref2', 'contracts.ref3',
      'companies.name as company', 'companies.address', 'companies.postal_code', 'companies.city', 'companies.country', 'companies.vat_number'])
    .where('contracts.code', '=', fields.contractCode).executeTakeFirstOrThrow()
  const excl = fields.lines.reduce((sum, line) => sum + line.amountExclCents, 0)
  const vat = Math.sign(excl) * Math.round(Math.abs(excl) * 0.2)
  const [year, month] = fields.month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)
  const issued = new Date(Date.UTC(year, month, 2)).toISOString().slice(0, 10)
  const customer = { companyName: contract.company, address: contract.address, postalCode: contract.postal_code, city: contract.city, country: contract.country,
    vatNumber: fields.vatNumber === undefined ? contract.vat_number : fields.vatNumber, contractCode: contract.code, contractName: contract.name }
  const invoice = await db.insertInto('invoices').values({
    number: fields.number, kind: fields.kind ?? 'invoice', contract_id: contract.id, month: fields.month, period_start: `${fields.month}-01`, period_end: last,
    issued_on: issued, due_on: new Date(Date.UTC(year, month, 32)).toISOString().slice(0, 10), total_excl_cents: excl, vat_rate_bp: 2000, vat_cents: vat, total_incl_cents: excl + vat,
    customer_json: JSON.stringify(customer), ref1: contract.ref1, ref2: contract.ref2, ref3: contract.ref3, corrects_invoice_id: fields.correctsInvoiceId ?? null,
    reason: fields.reason ?? null, published_at: fields.published === false ? null : now(), created_by: null, created_at: now(),
  }).returning('id').executeTakeFirstOrThrow()
  for (const [position, line] of fields.lines.entries()) {
    const lineContract = line.contractCode ? (await db.selectFrom('contracts').select('id').where('code', '=', line.contractCode).executeTakeFirstOrThrow()).id : contract.id
    await db.insertInto('invoice_lines').values({ invoice_id: invoice.id, position: position + 1, contract_id: lineContract, service: line.service,
      description: line.description ?? `${line.service} – ${fields.month}`, amount_excl_cents: line.amountExclCents }).execute()
  }
  return invoice.id
}

/** An order as the catalog's order form places it (placeOrder: the request,
 * the order row, the audit row, the confirmation): `service` is a catalog
 * code, `effectInput` what completion will need (e.g. { offerId, quantity }).
 * Prices are left out (null) unless given. Returns the request's id. */
export async function createOrder(db: DB, fields: {
  service: string; contract: string; orderer: string; effectInput?: Record<string, unknown>
  answers?: AnsweredField[]; quantity?: number; unitPriceCents?: number | null; at?: Date
}): Promise<number> {
  const service = await db.selectFrom('catalog_services').selectAll().where('code', '=', fields.service).executeTakeFirstOrThrow()
  const contract = await db.selectFrom('contracts').select(['id', 'name', 'code']).where('code', '=', fields.contract).executeTakeFirstOrThrow()
  const orderer = await db.selectFrom('users').select('id').where('login', '=', fields.orderer).executeTakeFirstOrThrow()
  const quantity = fields.quantity ?? 1
  const unit = fields.unitPriceCents ?? null
  const placed = await placeOrder(db, {
    contract, service, ordererId: orderer.id, ip: '127.0.0.1', token: `test-order-${next()}-${Math.random().toString(36).slice(2)}`,
    title: service.name_en, answers: fields.answers ?? [], quantity, unitPriceCents: unit, totalCents: unit === null ? null : unit * quantity,
    pricePeriod: service.price_period, effectInput: fields.effectInput ?? {},
  }, 'http://localhost', fields.at ?? new Date())
  return placed.requestId
}
