// Delivers the outbox. Any instance may run it; the lease lets one at a time
// do so, and each message is claimed by a conditional UPDATE before it is
// sent, so a message goes out at most once per attempt even if a lease
// expires under a slow worker. All state is in the outbox table: a restart
// loses nothing. No transaction is open while SMTP is talked to (SQLite has a
// single connection: PITFALLS).
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../config.js'
import type { DB } from '../db/database.js'
import type { OutboxMessage } from '../db/outbox.table.js'
import { attachmentsOf, claimEmail, listDueEmails, markEmailSent, recordEmailFailure } from '../mail/outbox.js'
import { createMailTransport, type MailTransport } from '../mail/transport.js'
import { releaseLease, tryTakeLease } from './leases.js'

export type { MailTransport }

const LEASE = 'mail-delivery'
const EVERY_MS = 5_000
const BATCH_SIZE = 50
// Longer than one send can take (see the transport's timeouts); renewed before each message.
const LEASE_MS = 2 * 60_000

/** Wait after the 1st, 2nd… failed attempt; after the last one the message is `failed`. */
export const RETRY_DELAYS_MS = [1, 5, 30, 120, 720].map((minutes) => minutes * 60_000)
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1

export interface DeliveryOptions {
  /** This worker's name in the lease: unique per process. */
  holder: string
  /** The From header (config.mailFrom). */
  from: string
  /** The clock; tests move it instead of sleeping. */
  now?: () => Date
  batchSize?: number
  leaseMs?: number
  log?: FastifyBaseLogger
}

export interface DeliveryReport {
  sent: number
  /** Gave up: failed for the last time. */
  failed: number
  /** Failed, and booked for another attempt after its backoff. */
  retried: number
}

export async function deliverDueEmails(db: DB, transport: MailTransport, options: DeliveryOptions): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date())
  const leaseMs = options.leaseMs ?? LEASE_MS
  const report: DeliveryReport = { sent: 0, failed: 0, retried: 0 }
  if (!(await tryTakeLease(db, LEASE, options.holder, leaseMs, now()))) return report
  try {
    for (const message of await listDueEmails(db, now(), options.batchSize ?? BATCH_SIZE)) {
      // Stop as soon as another instance has taken the job over.
      if (!(await tryTakeLease(db, LEASE, options.holder, leaseMs, now()))) break
      const outcome = await deliverOne(db, transport, message, options, now)
      if (outcome) report[outcome] += 1
    }
  } finally {
    await releaseLease(db, LEASE, options.holder)
  }
  return report
}

async function deliverOne(
  db: DB,
  transport: MailTransport,
  message: OutboxMessage,
  options: DeliveryOptions,
  now: () => Date,
): Promise<keyof DeliveryReport | null> {
  const attempt = message.attempts + 1
  if (!(await claimEmail(db, message, retryAt(now(), attempt)))) return null // another worker has it
  try {
    const attachments = attachmentsOf(message)
    await transport.send({
      from: options.from, to: message.to_address, subject: message.subject, text: message.text_body, html: message.html_body,
      ...(attachments.length > 0 ? { attachments } : {}),
    })
  } catch (error) {
    const giveUp = attempt >= MAX_ATTEMPTS
    await recordEmailFailure(db, message.id, describe(error), giveUp)
    options.log?.warn({ outboxId: message.id, attempt, giveUp, err: error }, 'email not delivered')
    return giveUp ? 'failed' : 'retried'
  }
  await markEmailSent(db, message.id, now())
  return 'sent'
}

/** When the attempt being made now is retried if it fails (or if the worker dies during it). */
function retryAt(now: Date, attempt: number): Date {
  const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length) - 1] ?? 0
  return new Date(now.getTime() + delay)
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.slice(0, 1000)
}

/** Runs the delivery every few seconds in this process; returns stop. */
export function startMailDelivery(deps: { db: DB; config: Config; log: FastifyBaseLogger }): () => void {
  const log = deps.log.child({ job: LEASE })
  const transport = createMailTransport(deps.config.smtpUrl, log)
  const options: DeliveryOptions = { holder: `${hostname()}:${process.pid}:${randomUUID()}`, from: deps.config.mailFrom, log }
  let running = false
  const run = () => {
    if (running) return // the previous run is still sending: never two in one process
    running = true
    deliverDueEmails(deps.db, transport, options)
      .then(
        (report) => report.sent + report.failed + report.retried > 0 && log.info(report, 'outbox delivered'),
        (error: unknown) => log.error({ err: error }, 'mail delivery failed'),
      )
      .finally(() => {
        running = false
      })
  }
  run()
  const timer = setInterval(run, EVERY_MS)
  timer.unref()
  return () => {
    clearInterval(timer)
    transport.close()
  }
}
