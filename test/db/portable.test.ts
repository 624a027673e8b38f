// The dialect helpers of src/db/portable.ts, on whichever database the run
// uses (SQLite, or PostgreSQL with TEST_POSTGRES_URL): the same answers on both.
import t from 'tap'
import { sql } from 'kysely'
import { flag } from '../../src/db/portable.js'
import { freshDatabase } from '../helpers/app.js'
import { createCompany, createContract } from '../helpers/factories.js'
import { nextContractCode } from '../../src/features/admin/companies/contracts.queries.js'

t.test('flag() answers a condition as 1 or 0, never true/false', async (t) => {
  const db = await freshDatabase(t)
  const row = await db.selectNoFrom([flag(sql`1 = 1`).as('yes'), flag(sql`1 = 2`).as('no'), flag(sql`null is null`).as('empty')]).executeTakeFirstOrThrow()
  t.same(row, { yes: 1, no: 0, empty: 1 })
})

t.test('a NUL byte in a parameter never fails a statement: a lookup finds nothing, and text that carries one is stored', async (t) => {
  const db = await freshDatabase(t)
  const companyId = await createCompany(db, 'Acme')
  const found = await db.selectFrom('companies').select('id').where('name', '=', 'Acme\u0000').execute()
  t.same(found, [], 'a lookup with NUL finds nothing')
  const inList = await db.selectFrom('companies').select('id').where('name', 'in', ['Acme\u0000', 'Acme']).execute()
  t.same(inList, [{ id: companyId }], 'in a list of values too')
  const raw = await sql<{ id: number }>`select id from companies where name = ${'Acme\u0000'}`.execute(db)
  t.same(raw.rows, [], 'and in raw SQL')
  await db.updateTable('companies').set({ name: 'Ac\u0000me' }).where('id', '=', companyId).execute()
  const stored = await db.selectFrom('companies').select('name').where('id', '=', companyId).executeTakeFirstOrThrow()
  t.equal(stored.name, 'Ac\uFFFDme', 'U+FFFD in its place, on both databases (PostgreSQL cannot store U+0000)')
})

t.test('contracts created at the same moment each get their own next code (the read of the highest code is serialized)', async (t) => {
  const db = await freshDatabase(t)
  const companyId = await createCompany(db)
  const creations = Array.from({ length: 6 }, () =>
    db.transaction().execute(async (trx) => {
      const code = await nextContractCode(trx)
      await createContract(trx, { companyId, code })
      return code
    }),
  )
  const codes = await Promise.all(creations)
  t.equal(new Set(codes).size, 6, `six different codes: ${codes.join(', ')}`)
})
