// Companies as staff see them: the searchable list, one company with its
// contracts and users, the duplicate-name check, the writes.
import { sql } from 'kysely'
import type { Executor } from '../../../db/database.js'
import { serializeSection } from '../../../db/portable.js'
import { codeStartingWith, fewIds } from '../search.js'
import { nameKey, companyColumns, type CompanyForm } from './company.form.js'

export const COMPANIES_PAGE_SIZE = 25
export const COMPANY_SORTS = ['name', 'created', 'contracts'] as const
export type CompanySort = (typeof COMPANY_SORTS)[number]

export interface CompanyFilters {
  q: string
  sort: CompanySort
}

/** A LIKE pattern matching `text` anywhere, its wildcards escaped (used with `escape '\'`). */
export function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

function like(column: ReturnType<typeof sql>, pattern: string) {
  return sql<boolean>`${column} like ${pattern} escape '\\'`
}

/** The companies holding a contract whose code starts with `q` or whose name holds it. Read first, in
 * table order (see fewIds): a subquery per company read each one's contracts twice a request, and
 * DISTINCT would have SQLite walk them through an index, a lookup each. */
function companiesWithContractMatching(db: Executor, q: string) {
  return db.selectFrom('contracts').select('contracts.company_id as id')
    .where((eb) => eb.or([codeStartingWith(q), like(sql`lower(contracts.name)`, containing(q))]))
}

/** Companies matching `q` in their name or registration number (spaces
 * ignored), or in the code or name of one of their contracts. */
export async function listCompanies(db: Executor, filters: CompanyFilters, page: number) {
  let query = db.selectFrom('companies')
  if (filters.q) {
    const withContract = companiesWithContractMatching(db, filters.q)
    const withContractIds = await fewIds(withContract)
    query = query.where((eb) => eb.or([
      like(sql`lower(companies.name)`, containing(filters.q)),
      like(sql`replace(lower(coalesce(companies.registration_number, '')), ' ', '')`, containing(filters.q.replace(/\s+/g, ''))),
      ...withContractIds === undefined ? [eb('companies.id', 'in', withContract)] : withContractIds.length > 0 ? [eb('companies.id', 'in', withContractIds)] : [],
    ]))
  }
  let rows = query.select(['companies.id', 'companies.name', 'companies.registration_number', 'companies.city', 'companies.country', 'companies.created_at'])
    .select((eb) => eb.selectFrom('contracts').select((e) => e.fn.countAll<number>().as('n')).whereRef('contracts.company_id', '=', 'companies.id').as('contract_count'))
    // A search counts its matches along with the page, from one pass over the companies.
    .$if(filters.q !== '', (qb) => qb.select(sql<number>`count(*) over ()`.as('matches')))
  rows = filters.sort === 'created' ? rows.orderBy('companies.created_at', 'desc').orderBy('companies.id', 'desc')
    : filters.sort === 'contracts' ? rows.orderBy('contract_count', 'desc').orderBy(sql`lower(companies.name)`)
    : rows.orderBy(sql`lower(companies.name)`).orderBy('companies.id')
  const list = await rows.limit(COMPANIES_PAGE_SIZE).offset((page - 1) * COMPANIES_PAGE_SIZE).execute()
  // The whole list (an unfiltered count is answered at once), or a page past the end, is counted apart.
  const total = list[0]?.matches ?? Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  return { rows: list.map((row) => ({ ...row, contract_count: Number(row.contract_count) })), total: Number(total) }
}

export function findCompany(db: Executor, id: number) {
  return db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The company's contracts with their referent, grouping contracts first. */
export function listCompanyContracts(db: Executor, companyId: number) {
  return db.selectFrom('contracts')
    .leftJoin('users as referent', 'referent.id', 'contracts.referent_user_id')
    .leftJoin('contracts as grouping', 'grouping.id', 'contracts.grouping_contract_id')
    .select(['contracts.id', 'contracts.code', 'contracts.name', 'contracts.offer', 'contracts.status', 'contracts.support_level',
      'referent.first_name as referent_first', 'referent.last_name as referent_last', 'referent.email as referent_email', 'grouping.code as grouping_code'])
    .where('contracts.company_id', '=', companyId)
    .orderBy(sql`contracts.offer = 'multi_services'`, 'desc').orderBy('contracts.code')
    .execute()
}

/** The company's users, with the number of contracts each is declared on. */
export async function listCompanyUsers(db: Executor, companyId: number) {
  const rows = await db.selectFrom('users')
    .select(['users.id', 'users.login', 'users.email', 'users.first_name', 'users.last_name', 'users.password_hash', 'users.locked_until'])
    .select((eb) => eb.selectFrom('contract_roles').select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('contract_roles.user_id', '=', 'users.id').where('contract_roles.section', '=', 'contracts').as('contract_count'))
    .where('users.company_id', '=', companyId)
    .orderBy('users.last_name').orderBy('users.first_name').orderBy('users.id')
    .execute()
  const now = new Date().toISOString()
  return rows.map(({ password_hash, locked_until, ...user }) => ({
    ...user, contract_count: Number(user.contract_count), pending: password_hash === null, locked: locked_until !== null && locked_until > now,
  }))
}

/** Until the saving transaction ends, no other one may check or take a company name. */
export function lockCompanyNames(trx: Executor): Promise<void> {
  return serializeSection(trx, 'company-names')
}

/** The company already holding this name (compared by nameKey), if any. */
export async function companyWithName(db: Executor, name: string, exceptId?: number) {
  const key = nameKey(name)
  const rows = await db.selectFrom('companies').select(['id', 'name']).execute()
  return rows.find((row) => row.id !== exceptId && nameKey(row.name) === key)
}

export async function insertCompany(trx: Executor, form: CompanyForm): Promise<number> {
  const row = await trx.insertInto('companies').values({ ...companyColumns(form), created_at: new Date().toISOString() })
    .returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function updateCompany(trx: Executor, id: number, form: CompanyForm): Promise<void> {
  await trx.updateTable('companies').set(companyColumns(form)).where('id', '=', id).execute()
}
