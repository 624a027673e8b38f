// Demo requests on the demo contracts: every type and status, with their
// histories, staff replies (thomas.girard), an internal note the customer never
// sees, a request completed 3 days before `now` (a comment still reopens it)
// and one completed 10 days before (too late), a rejection with its reason.
// Written through the same functions as the portal, at times counted back
// from `now`, so that dates, due times and "reopen until" read as real ones.
import type { Executor } from '../src/db/database.js'
import { insertAttachment, type CheckedAttachment } from '../src/features/requests/attachments.js'
import { insertComment, insertRequest, recordStatusChange, type AnsweredField, type NewRequest } from '../src/features/requests/requests.writes.js'
import type { Priority, RequestStatus, RequestType } from '../src/features/requests/request-types.js'
import { dueAt } from '../src/features/requests/time-to-repair.js'

const STAFF = 'thomas.girard'
const HOUR = 3_600_000

interface DemoFile { name: string; type: string; text: string }

/** Something that happens to a request, `hours` after it was opened. */
type DemoStep =
  | { hours: number; status: RequestStatus; by?: string; note?: string }
  | { hours: number; comment: string; by: string; internal?: boolean; file?: DemoFile }

interface DemoRequest {
  contract: string
  type: RequestType
  author: string
  title: string
  description: string
  priority?: Priority
  service?: string
  item?: string
  fields?: AnsweredField[]
  file?: DemoFile
  /** Opened this many hours before `now`. */
  hoursAgo: number
  steps?: DemoStep[]
}

const answer = (name: string, en: string, fr: string, value: string, display?: { en: string; fr: string }): AnsweredField =>
  ({ name, label: { en, fr }, value, ...(display ? { display } : {}) })

const LATENCY_CSV: DemoFile = { name: 'latency-db01.csv', type: 'text/csv; charset=utf-8', text: 'time,latency_ms\n09:00,4\n09:15,38\n09:30,412\n09:45,390\n' }
const ERROR_LOG: DemoFile = { name: 'vdi-disconnects.txt', type: 'text/plain; charset=utf-8', text: '08:02 session lost (code 0x3000a)\n09:02 session lost (code 0x3000a)\n10:02 session lost (code 0x3000a)\n' }
const STAFF_TRACE: DemoFile = { name: 'hypervisor-trace.txt', type: 'text/plain; charset=utf-8', text: 'host eu-west-0a-h17: storage queue depth 512 (internal)\n' }

const DEMO_REQUESTS: DemoRequest[] = [
  {
    contract: 'OCB0000101', type: 'incident', author: 'alice.martin', priority: 'P2', service: 'Elastic Cloud Server', hoursAgo: 30,
    title: 'Latence élevée sur les VM de base de données',
    description: 'Depuis ce matin 9 h, les requêtes de db01 et db02 mettent plus de 400 ms.\nAucun changement de notre côté.',
    steps: [
      { hours: 1, status: 'in_progress', by: STAFF },
      { hours: 1.5, comment: 'Hello, we are looking at the storage behind db01 and db02. Could you send us the latency you measure?', by: STAFF },
      { hours: 2, comment: 'Storage queue saturated on host h17, migration planned tonight.', by: STAFF, internal: true, file: STAFF_TRACE },
      { hours: 3, comment: 'Voici les mesures de ce matin.', by: 'alice.martin', file: LATENCY_CSV },
    ],
  },
  {
    contract: 'OCB0000101', type: 'incident', author: 'alice.martin', priority: 'P3', service: 'Cloud Backup and Recovery', hoursAgo: 6 * 24,
    title: 'La planification des sauvegardes n’est pas appliquée',
    description: 'La politique « nuit » n’a pas tourné sur trois serveurs.',
    steps: [
      { hours: 2, status: 'in_progress', by: STAFF },
      { hours: 20, comment: 'The policy was bound to a deleted vault; it is fixed and last night’s backups ran.', by: STAFF },
      { hours: 3 * 24, status: 'completed', by: STAFF },
    ],
  },
  {
    contract: 'OCB0000102', type: 'incident', author: 'alice.martin', priority: 'P4', service: 'Cloud Backup and Recovery', hoursAgo: 14 * 24,
    title: 'Durée de conservation des sauvegardes HDS',
    description: 'Combien de temps les sauvegardes HDS sont-elles conservées par défaut ?',
    steps: [
      { hours: 3, status: 'in_progress', by: STAFF },
      { hours: 5, comment: 'HDS backups are kept 30 days by default; the retention can be raised up to 10 years per policy.', by: STAFF },
      { hours: 4 * 24, status: 'completed', by: STAFF },
    ],
  },
  {
    contract: 'OCB0000101', type: 'incident', author: 'chloe.bernard', priority: 'P3', service: 'Object Storage Service', hoursAgo: 5,
    title: 'Console slow to list object storage buckets',
    description: 'Listing the buckets in the console takes about a minute; the API answers at once.',
  },
  {
    contract: 'OCB0000201', type: 'incident', author: 'emma.leroy', priority: 'P1', service: 'Cloud Avenue vApp', hoursAgo: 3,
    title: 'Web front unreachable',
    description: 'Our public web front (vApp web-prod) answers neither on HTTP nor on ping since 07:40.',
    steps: [
      { hours: 0.25, status: 'in_progress', by: STAFF },
      { hours: 0.5, comment: 'An edge gateway of your organisation restarted; we are restoring its NAT rules.', by: STAFF },
    ],
  },
  {
    contract: 'OCB0000201', type: 'incident', author: 'emma.leroy', priority: 'P3', service: 'DNS', hoursAgo: 9 * 24,
    title: 'Domain name not resolving',
    description: 'www.lumiere-web.example doesn’t resolve from some networks.',
    steps: [
      { hours: 4, status: 'rejected', by: STAFF, note: 'The domain is served by your own DNS provider, outside the Cloud Avenue service: please contact them.' },
    ],
  },
  {
    contract: 'OCB0000302', type: 'incident', author: 'julien.blanc', priority: 'P2', service: 'Virtual desktops', hoursAgo: 2, file: ERROR_LOG,
    title: 'Virtual desktops disconnect every hour',
    description: 'Every user of the VDI pool is disconnected at the top of each hour. Log attached.',
  },
  {
    contract: 'OCB0000102', type: 'change', author: 'bruno.petit', item: 'quota_ecs', hoursAgo: 26,
    title: 'Augmenter les quotas Elastic Cloud Server',
    description: '',
    fields: [
      answer('region', 'Region', 'Région', 'eu-west-0', { en: 'Paris (eu-west-0)', fr: 'Paris (eu-west-0)' }),
      answer('instances', 'Instances wanted in total', 'Nombre total d’instances souhaité', '40'),
      answer('vcpus', 'vCPUs wanted in total', 'Nombre total de vCPU souhaité', '160'),
      answer('memory_gb', 'Memory wanted in total (GB)', 'Mémoire totale souhaitée (Go)', '640'),
      answer('justification', 'Why do you need it?', 'Pourquoi en avez-vous besoin ?', 'Nouvelle application de télémédecine en production en fin de mois.'),
      answer('contact_name', 'Contact person for the implementation', 'Contact pour la mise en œuvre', 'Bruno Petit'),
      answer('contact_email', 'Contact email', 'E-mail du contact', 'bruno.petit@hexagone.example'),
    ],
    steps: [{ hours: 4, status: 'in_progress', by: STAFF }],
  },
  {
    contract: 'OCB0000301', type: 'order', author: 'helene.fabre', item: 'backup', hoursAgo: 8,
    title: 'Commande : File and Applicative Backup',
    description: 'Sauvegarde des serveurs du core banking.',
    fields: [answer('servers', 'Servers to back up', 'Serveurs à sauvegarder', '12')],
  },
  {
    contract: 'OCB0000302', type: 'order', author: 'helene.fabre', item: 'vdi_pool', hoursAgo: 20 * 24,
    title: 'Commande : 20 postes de travail virtuels supplémentaires',
    description: '',
    fields: [answer('desktops', 'Desktops', 'Postes', '20')],
    steps: [
      { hours: 6, status: 'in_progress', by: STAFF },
      { hours: 2 * 24, status: 'completed', by: STAFF },
    ],
  },
  {
    contract: 'OCB0000103', type: 'incident', author: 'david.moreau', priority: 'P4', service: 'Firewall', hoursAgo: 50,
    title: 'Ouverture d’un flux sortant vers un partenaire',
    description: 'Merci d’indiquer la procédure pour ouvrir le port 8443 vers 203.0.113.10.',
  },
  {
    contract: 'OCB0000301', type: 'incident', author: 'gabriel.roux', priority: 'P3', service: 'Elastic Load Balance', hoursAgo: 12,
    title: 'Health checks failing on the internal load balancer',
    description: 'Two of four members are marked unhealthy although they answer on /health.',
  },
]

/** Seeds the demo requests; `contractIds` and `userIds` by code and login (scripts/seed-demo.ts). */
export async function seedDemoRequests(trx: Executor, contractIds: Map<string, number>, userIds: Map<string, number>, now: Date): Promise<void> {
  for (const demo of DEMO_REQUESTS) {
    const contractId = contractIds.get(demo.contract)
    if (contractId === undefined) continue
    await seedOne(trx, demo, contractId, userIds, now)
  }
}

async function seedOne(trx: Executor, demo: DemoRequest, contractId: number, userIds: Map<string, number>, now: Date): Promise<void> {
  const userId = (login: string) => userIds.get(login)!
  const opened = new Date(now.getTime() - demo.hoursAgo * HOUR)
  const contract = await trx.selectFrom('contracts').select(['offer', 'support_level']).where('id', '=', contractId).executeTakeFirstOrThrow()
  const input: NewRequest = {
    contractId, type: demo.type, title: demo.title, description: demo.description, priority: demo.priority ?? null, service: demo.service ?? null,
    itemCode: demo.item ?? null, fields: demo.fields, authorId: userId(demo.author),
    dueAt: demo.priority ? dueAt(contract.offer, contract.support_level, demo.priority, opened) : null,
  }
  const requestId = await insertRequest(trx, input, opened)
  if (demo.file) await insertAttachment(trx, { requestId, commentId: null, uploadedBy: input.authorId, file: fileOf(demo.file), now: opened })
  let status: RequestStatus = 'transmitted'
  for (const step of demo.steps ?? []) {
    const at = new Date(opened.getTime() + step.hours * HOUR)
    if ('status' in step) {
      const by = userId(step.by ?? STAFF)
      await recordStatusChange(trx, { request: { id: requestId, status }, to: step.status, byUserId: by, note: step.note ?? null, now: at })
      // The staff member who moves it first has taken it.
      if (step.status === 'in_progress') await trx.updateTable('requests').set({ assigned_user_id: by }).where('id', '=', requestId).execute()
      status = step.status
    } else {
      const commentId = await insertComment(trx, { requestId, authorId: userId(step.by), body: step.comment, internal: step.internal ?? false, now: at })
      if (step.file) await insertAttachment(trx, { requestId, commentId, uploadedBy: userId(step.by), file: fileOf(step.file), now: at })
    }
  }
}

function fileOf(file: DemoFile): CheckedAttachment {
  return { fileName: file.name, contentType: file.type, content: Buffer.from(file.text, 'utf8') }
}
