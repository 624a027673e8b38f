// Demo messages for the back-office inbox: customers writing to their account
// manager from "My company", some new, one assigned, one answered and handled.
// Called by seedDemo (scripts/seed-demo.ts) in its transaction, after the
// demo users and companies exist.
import type { Executor } from '../src/db/database.js'

interface DemoMessage {
  from: string
  subject: string
  message: string
  hoursAgo: number
  /** Staff login the message is assigned to. */
  assignedTo?: string
  /** Answered by this staff login, then marked handled. */
  reply?: { by: string; body: string; hoursAgo: number }
}

export const DEMO_MESSAGES: DemoMessage[] = [
  { from: 'alice.martin', subject: 'Renouvellement du contrat Hexagone Santé', hoursAgo: 3,
    message: 'Bonjour,\n\nNotre engagement sur OCB0000102 se termine en janvier. Pouvez-vous nous proposer un rendez-vous pour préparer le renouvellement ?\n\nMerci,\nAlice Martin' },
  { from: 'emma.leroy', subject: 'Quote for a second Cloud Avenue region', hoursAgo: 20, assignedTo: 'marc.lefevre',
    message: 'Hello,\n\nWe would like to replicate Lumière Web in Val-de-Reuil. Could you send us a quote?\n\nBest regards,\nEmma Leroy' },
  { from: 'chloe.bernard', subject: 'Invoice address change', hoursAgo: 52,
    message: 'Hello,\n\nOur accounting department moved: invoices should now go to 3 rue de la Forge, 69007 Lyon.\n\nThank you,\nChloé Bernard' },
  { from: 'helene.fabre', subject: 'Contact pour le support premium', hoursAgo: 120,
    message: 'Bonjour,\n\nQui devons-nous appeler en cas d’incident majeur la nuit sur Rivage Core Banking ?\n\nHélène Fabre',
    reply: { by: 'marc.lefevre', hoursAgo: 100, body: 'Bonjour Madame Fabre,\n\nLe support est joignable 24 h/24 au numéro indiqué dans votre contrat, rubrique « Support ».\n\nBien cordialement,\nMarc Lefèvre' } },
]

export async function seedDemoInbox(trx: Executor): Promise<void> {
  const now = Date.now()
  const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString()
  for (const demo of DEMO_MESSAGES) {
    const sender = await trx.selectFrom('users').innerJoin('companies', 'companies.id', 'users.company_id')
      .select(['users.id', 'users.company_id', 'companies.account_manager_email']).where('users.login', '=', demo.from).executeTakeFirstOrThrow()
    const assignee = demo.assignedTo ?? demo.reply?.by
    const assigneeId = assignee ? (await trx.selectFrom('users').select('id').where('login', '=', assignee).executeTakeFirstOrThrow()).id : null
    const { id } = await trx.insertInto('contact_messages').values({
      user_id: sender.id, company_id: sender.company_id, to_address: sender.account_manager_email!, subject: demo.subject, message: demo.message,
      created_at: at(demo.hoursAgo), status: demo.reply ? 'handled' : 'new', assigned_user_id: assigneeId, handled_at: demo.reply ? at(demo.reply.hoursAgo) : null,
    }).returning('id').executeTakeFirstOrThrow()
    if (demo.reply) {
      await trx.insertInto('contact_message_replies').values({ message_id: id, author_user_id: assigneeId, body: demo.reply.body, at: at(demo.reply.hoursAgo) }).execute()
    }
  }
}
