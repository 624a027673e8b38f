import type { Executor } from '../../db/database.js'

export function findAccount(db: Executor, userId: number) {
  return db.selectFrom('users')
    .leftJoin('companies', 'companies.id', 'users.company_id')
    .select(['users.id', 'users.login', 'users.email', 'users.title', 'users.first_name', 'users.last_name', 'users.phone_mobile',
      'users.phone_landline', 'users.locale', 'users.totp_enabled_at', 'users.is_staff', 'users.password_hash', 'users.company_id', 'companies.name as company_name'])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow()
}

export type Account = Awaited<ReturnType<typeof findAccount>>

export function findCompanyOfUser(db: Executor, companyId: number | null) {
  if (companyId === null) return Promise.resolve(undefined)
  return db.selectFrom('companies').selectAll().where('id', '=', companyId).executeTakeFirst()
}

export async function emailBelongsToAnother(db: Executor, email: string, userId: number): Promise<boolean> {
  const other = await db.selectFrom('users').select('id').where('email', '=', email).where('id', '!=', userId).executeTakeFirst()
  return Boolean(other)
}
