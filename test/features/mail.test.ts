import t, { type Test } from 'tap'
import pino from 'pino'
import { freshDatabase } from '../helpers/app.js'
import { startSmtpServer } from '../helpers/smtp.js'
import { testConfig } from '../../src/config.js'
import type { DB } from '../../src/db/database.js'
import { deliverDueEmails, MAX_ATTEMPTS, RETRY_DELAYS_MS, startMailDelivery, type DeliveryOptions } from '../../src/jobs/mail-delivery.js'
import { releaseLease, tryTakeLease } from '../../src/jobs/leases.js'
import { UnsafeLinkError } from '../../src/mail/html.js'
import { claimEmail, InvalidAttachmentError, InvalidRecipientError, listDueEmails, MAX_ATTACHMENTS_BYTES, queueEmail, type QueuedEmail } from '../../src/mail/outbox.js'
import { renderEmail } from '../../src/mail/templates/index.js'
import { createMailTransport, smtpTransport, type MailTransport } from '../../src/mail/transport.js'

const FROM = 'Cloud Customer Space <no-reply@portal.example>'
/** A clock starting now (after the emails are queued): `at(5)` is five minutes later. */
function clock() {
  const start = Date.now()
  return (minutes: number) => () => new Date(start + minutes * 60_000)
}

function resetEmail(to: string, locale: 'en' | 'fr'): QueuedEmail {
  return {
    to, locale, template: 'password_reset',
    data: { firstName: locale === 'fr' ? 'Chloé' : 'Alice', link: `https://portal.example/password/reset/${locale}-token`, expiresInMinutes: 30 },
  }
}

async function setup(t: Test) {
  const db = await freshDatabase(t)
  const smtp = await startSmtpServer(t)
  const transport = smtpTransport(smtp.url)
  t.teardown(() => transport.close())
  const deliver = (options: Partial<DeliveryOptions> = {}, via: MailTransport = transport) =>
    deliverDueEmails(db, via, { holder: 'test-worker', from: FROM, ...options })
  return { db, smtp, transport, deliver }
}

const outbox = (db: DB) => db.selectFrom('outbox').selectAll().orderBy('id').execute()

t.test('a queued email is sent once, in the language of its recipient, and marked sent', async (t) => {
  const { db, smtp, deliver } = await setup(t)
  await queueEmail(db, resetEmail('chloe@client.example', 'fr'))
  await queueEmail(db, resetEmail('alice@client.example', 'en'))

  t.same(await deliver(), { sent: 2, failed: 0, retried: 0 })
  t.same(await deliver({ now: clock()(60) }), { sent: 0, failed: 0, retried: 0 }, 'nothing left to send')

  t.equal(smtp.received.length, 2)
  const [fr, en] = smtp.received
  t.same(fr!.recipients, ['chloe@client.example'])
  t.equal(fr!.subject, 'Réinitialisation de votre mot de passe')
  t.match(fr!.text, 'Bonjour Chloé')
  t.match(fr!.text, 'pendant 30 minutes')
  t.match(fr!.text, 'https://portal.example/password/reset/fr-token')
  t.match(fr!.html, 'href="https://portal.example/password/reset/fr-token"')
  t.match(fr!.html, '<html lang="fr">')
  t.match(fr!.headers.from, 'no-reply@portal.example')
  t.same(en!.recipients, ['alice@client.example'])
  t.equal(en!.subject, 'Reset your password')
  t.match(en!.text, 'Hello Alice')
  t.match(en!.text, 'for 30 minutes')

  for (const row of await outbox(db)) {
    t.equal(row.status, 'sent')
    t.equal(row.attempts, 1)
    t.ok(row.sent_at, 'sent_at is set')
  }
})

t.test('a refused email is retried only after its backoff, then sent exactly once', async (t) => {
  const { db, smtp, deliver } = await setup(t)
  await queueEmail(db, resetEmail('alice@client.example', 'en'))
  smtp.refuseNext = 1
  const at = clock()

  t.same(await deliver({ now: at(0) }), { sent: 0, failed: 0, retried: 1 })
  const [refused] = await outbox(db)
  t.equal(refused!.status, 'pending')
  t.match(refused!.last_error, /451.*mailbox busy/)

  t.same(await deliver({ now: at(0.5) }), { sent: 0, failed: 0, retried: 0 }, 'not before the first backoff')
  t.same(await deliver({ now: at(1.5) }), { sent: 1, failed: 0, retried: 0 })
  t.same(await deliver({ now: at(100) }), { sent: 0, failed: 0, retried: 0 })

  t.equal(smtp.received.length, 1)
  const [sent] = await outbox(db)
  t.equal(sent!.status, 'sent')
  t.equal(sent!.attempts, 2)
  t.equal(sent!.last_error, null)
})

t.test('retries back off 1 min, 5 min, 30 min, 2 h, 12 h; after the last the email is failed with its error kept', async (t) => {
  const { db, smtp, deliver } = await setup(t)
  await queueEmail(db, resetEmail('alice@client.example', 'en'))
  smtp.refuseNext = Infinity
  const at = clock()

  let minutes = 0
  const waits: number[] = []
  for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
    t.same(await deliver({ now: at(minutes) }), { sent: 0, failed: 0, retried: 1 }, `attempt ${attempt} is retried`)
    const [row] = await outbox(db)
    waits.push(Date.parse(row!.next_attempt_at) - at(minutes)().getTime())
    minutes += waits.at(-1)! / 60_000
  }
  t.same(waits, RETRY_DELAYS_MS)
  t.same(waits.map((ms) => ms / 60_000), [1, 5, 30, 120, 720])

  t.same(await deliver({ now: at(minutes) }), { sent: 0, failed: 1, retried: 0 }, 'the last attempt gives up')
  const [failed] = await outbox(db)
  t.equal(failed!.status, 'failed')
  t.equal(failed!.attempts, MAX_ATTEMPTS)
  t.match(failed!.last_error, /451.*mailbox busy/)
  t.equal(failed!.sent_at, null)

  smtp.refuseNext = 0
  t.same(await deliver({ now: at(minutes + 7 * 24 * 60) }), { sent: 0, failed: 0, retried: 0 }, 'a failed email is not tried again')
  t.equal(smtp.received.length, 0)
})

t.test('an email queued in a transaction that rolls back is never written, and one that commits is', async (t) => {
  const db = await freshDatabase(t)
  await t.rejects(
    db.transaction().execute(async (trx) => {
      await queueEmail(trx, resetEmail('alice@client.example', 'en'))
      throw new Error('the change failed')
    }),
    /the change failed/,
  )
  t.equal((await outbox(db)).length, 0)

  await db.transaction().execute((trx) => queueEmail(trx, resetEmail('alice@client.example', 'en')))
  t.equal((await outbox(db)).length, 1)
})

t.test('two deliveries running at once send each email once', async (t) => {
  const { db, smtp, deliver } = await setup(t)
  const recipients = ['a', 'b', 'c', 'd', 'e'].map((name) => `${name}@client.example`)
  for (const to of recipients) await queueEmail(db, resetEmail(to, 'en'))

  const reports = await Promise.all([deliver({ holder: 'instance-1' }), deliver({ holder: 'instance-2' })])

  t.equal(reports[0].sent + reports[1].sent, 5)
  t.same(smtp.received.flatMap((mail) => mail.recipients).sort(), recipients)
  t.ok((await outbox(db)).every((row) => row.status === 'sent' && row.attempts === 1))
})

t.test('two workers that read the same due email cannot both claim it', async (t) => {
  const db = await freshDatabase(t)
  await queueEmail(db, resetEmail('alice@client.example', 'en'))
  const [seenByOne] = await listDueEmails(db, new Date(), 10)
  const [seenByTwo] = await listDueEmails(db, new Date(), 10)
  const retryAt = new Date(Date.now() + 60_000)
  t.equal(await claimEmail(db, seenByOne!, retryAt), true)
  t.equal(await claimEmail(db, seenByTwo!, retryAt), false)
})

t.test('an email whose worker died while sending is sent by the next run once lease and backoff have passed', async (t) => {
  const { db, smtp, deliver } = await setup(t)
  await queueEmail(db, resetEmail('alice@client.example', 'en'))
  let sendStarted!: () => void
  const started = new Promise<void>((resolve) => (sendStarted = resolve))
  const at = clock()
  const dying: MailTransport = { send: () => (sendStarted(), new Promise<void>(() => {})), close: () => {} }

  void deliver({ holder: 'dead-instance', now: at(0) }, dying)
  await started

  t.same(await deliver({ holder: 'restarted', now: at(0.5) }), { sent: 0, failed: 0, retried: 0 }, 'the dead worker still holds the lease')
  t.same(await deliver({ holder: 'restarted', now: at(3) }), { sent: 1, failed: 0, retried: 0 })
  t.equal(smtp.received.length, 1)
  const [row] = await outbox(db)
  t.equal(row!.status, 'sent')
  t.equal(row!.attempts, 2)
})

t.test('a lease belongs to one holder until it expires or is released', async (t) => {
  const db = await freshDatabase(t)
  const now = new Date()
  const later = (ms: number) => new Date(now.getTime() + ms)
  t.equal(await tryTakeLease(db, 'job', 'one', 60_000, now), true)
  t.equal(await tryTakeLease(db, 'job', 'two', 60_000, later(1_000)), false, 'held by another')
  t.equal(await tryTakeLease(db, 'job', 'one', 60_000, later(30_000)), true, 'its holder renews it')
  t.equal(await tryTakeLease(db, 'job', 'two', 60_000, later(60_000)), false, 'the renewal moved the expiry')
  t.equal(await tryTakeLease(db, 'job', 'two', 60_000, later(91_000)), true, 'taken over once expired')
  await releaseLease(db, 'job', 'one')
  t.equal(await tryTakeLease(db, 'job', 'one', 60_000, later(92_000)), false, 'only the holder can release it')
  await releaseLease(db, 'job', 'two')
  t.equal(await tryTakeLease(db, 'job', 'one', 60_000, later(93_000)), true, 'free once released')
  t.equal(await tryTakeLease(db, 'other-job', 'two', 60_000, later(93_000)), true, 'each job has its own lease')
})

t.test('without SMTP_URL an email, link included, is written to the log instead', async (t) => {
  const db = await freshDatabase(t)
  const lines: string[] = []
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) })
  const transport = createMailTransport(null, log)
  await queueEmail(db, {
    to: 'new.user@client.example', locale: 'en', template: 'welcome',
    data: { firstName: 'Nina', login: 'nina.new', link: 'https://portal.example/password/set/welcome-token', expiresInHours: 72, contractName: 'Web shop', invitedBy: 'Alice Martin' },
  })

  t.same(await deliverDueEmails(db, transport, { holder: 'dev', from: FROM }), { sent: 1, failed: 0, retried: 0 })
  const entries = lines.map((line) => JSON.parse(line) as { level: number; msg: string; mail?: { to: string; subject: string } })
  t.ok(entries.some((entry) => entry.level === 40 && /SMTP_URL/.test(entry.msg)), 'warns once that emails go to the log')
  const mail = entries.find((entry) => entry.mail)
  t.equal(mail?.level, 30, 'at info level')
  t.equal(mail?.mail?.to, 'new.user@client.example')
  t.equal(mail?.mail?.subject, 'Your Cloud Customer Space account')
  t.match(mail?.msg, 'https://portal.example/password/set/welcome-token')
  t.match(mail?.msg, 'nina.new')
  t.equal((await outbox(db))[0]!.status, 'sent')
})

t.test('user text is escaped in the HTML of an email, and never breaks its headers', async (t) => {
  const { db, smtp, deliver } = await setup(t)
  await queueEmail(db, {
    to: 'manager@provider.example', locale: 'fr', template: 'account_manager_contact',
    data: {
      managerName: 'Marc Durand', fromName: '<img src=x onerror=alert(1)>', fromEmail: 'alice@client.example', fromLogin: 'alice.martin',
      companyName: 'Acme & "Co"', subject: '<script>alert(1)</script>\r\nBcc: victim@elsewhere.example', message: 'Hi <b>there</b>\n</blockquote><script>alert(2)</script>',
    },
  })
  const [row] = await outbox(db)
  for (const html of [row!.html_body]) {
    t.notMatch(html, '<script>')
    t.notMatch(html, '<img')
    t.notMatch(html, '<b>')
    t.match(html, '&lt;script&gt;alert(1)&lt;/script&gt;')
    t.match(html, '&lt;/blockquote&gt;&lt;script&gt;alert(2)&lt;/script&gt;')
    t.match(html, 'Acme &amp; &quot;Co&quot;')
  }
  t.match(row!.text_body, '> Hi <b>there</b>', 'the plain-text part shows the text as written')
  t.notMatch(row!.subject, /[\r\n]/, 'the subject stays one line')

  await deliver()
  const [mail] = smtp.received
  t.same(mail!.recipients, ['manager@provider.example'])
  t.equal(mail!.headers.bcc, undefined)
  t.notMatch(mail!.html, '<script>')
  t.match(mail!.subject, '[Espace Client Cloud] Acme & "Co" : <script>alert(1)</script> Bcc: victim@elsewhere.example')
})

t.test('a link that is not an absolute http(s) URL is refused when the email is queued', async (t) => {
  const db = await freshDatabase(t)
  for (const link of ['javascript:alert(1)', '/password/reset/abc', 'data:text/html,hi']) {
    const email = resetEmail('alice@client.example', 'en')
    await t.rejects(queueEmail(db, { ...email, data: { ...email.data, link } } as QueuedEmail), UnsafeLinkError, link)
  }
  t.equal((await outbox(db)).length, 0)
})

t.test('an email goes to exactly one address', async (t) => {
  const db = await freshDatabase(t)
  for (const to of ['a@client.example, b@client.example', 'Eve <eve@evil.example>', 'a@client.example\nBcc: b@x.example', 'not-an-address']) {
    await t.rejects(queueEmail(db, resetEmail(to, 'en')), InvalidRecipientError, JSON.stringify(to))
  }
  t.equal((await outbox(db)).length, 0)
})

t.test('every email exists in English and French, text and HTML, with times in Paris time', async (t) => {
  const changed = { firstName: 'Alice', changedAt: '2026-11-22T13:03:00.000Z', ip: '203.0.113.7', forgotLink: 'https://portal.example/password/forgot' }
  const en = renderEmail('password_changed', 'en', changed)
  t.equal(en.subject, 'Your password was changed')
  t.match(en.text, '22 November 2026')
  t.match(en.text, '14:03')
  t.match(en.text, '203.0.113.7')
  t.match(en.html, 'href="https://portal.example/password/forgot"')
  const fr = renderEmail('password_changed', 'fr', { ...changed, ip: null })
  t.equal(fr.subject, 'Votre mot de passe a été modifié')
  t.match(fr.text, '22 novembre 2026')
  t.match(fr.text, '14:03')
  t.notMatch(fr.text, 'adresse IP', 'no address when none is known')

  const welcome = { firstName: 'Nina', login: 'nina.new', link: 'https://portal.example/w/t', expiresInHours: 1, contractName: null, invitedBy: null }
  t.match(renderEmail('welcome', 'en', welcome).text, 'We created your Cloud Customer Space account.')
  t.match(renderEmail('welcome', 'en', welcome).text, 'for 1 hour.')
  t.match(renderEmail('welcome', 'fr', { ...welcome, expiresInHours: 72, contractName: 'Boutique', invitedBy: 'Alice Martin' }).text,
    /Alice Martin a créé votre compte Espace Client Cloud pour le contrat Boutique\.[\s\S]*pendant 72\sheures/)

  const contact = { managerName: 'Marc', fromName: 'Alice Martin', fromEmail: 'alice@client.example', fromLogin: 'alice.martin', companyName: 'Acme', subject: 'Renewal', message: 'Line one\nLine two' }
  t.match(renderEmail('account_manager_contact', 'en', contact).text, '> Line one\n> Line two')
  t.match(renderEmail('account_manager_contact', 'fr', contact).text, /Bonjour Marc[\s\S]*Objet\s: Renewal/)
})

t.test('the delivery job started by the server sends what is queued, then stops', async (t) => {
  const db = await freshDatabase(t)
  const smtp = await startSmtpServer(t)
  await queueEmail(db, resetEmail('alice@client.example', 'en'))
  const stop = startMailDelivery({ db, config: testConfig({ smtpUrl: smtp.url, mailFrom: FROM }), log: pino({ level: 'silent' }) })
  t.teardown(stop)
  for (let i = 0; i < 100 && smtp.received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50))
  t.equal(smtp.received.length, 1)
  t.match(smtp.received[0]!.headers.from, 'no-reply@portal.example')
})

t.test('an email with an attachment keeps it in its outbox row and delivers it by SMTP with its name, type and bytes', async (t) => {
  const { db, smtp, deliver } = await setup(t)
  const bytes = Buffer.concat([Buffer.from('%PDF-1.3\n'), Buffer.from([0, 1, 2, 0xff, 0xfe]), Buffer.from('\n%%EOF\n')])
  await queueEmail(db, { ...resetEmail('compta@client.example', 'fr'), attachments: [{ filename: 'invoice-F2026-000001.pdf', contentType: 'application/pdf', content: bytes }] })
  await queueEmail(db, resetEmail('alice@client.example', 'en'))
  const [withFile, without] = await outbox(db)
  t.same(JSON.parse(withFile!.attachments_json!), [{ filename: 'invoice-F2026-000001.pdf', contentType: 'application/pdf', contentBase64: bytes.toString('base64') }])
  t.equal(without!.attachments_json, null, 'no attachment: null')

  t.same(await deliver(), { sent: 2, failed: 0, retried: 0 })
  const received = smtp.received.find((mail) => mail.recipients[0] === 'compta@client.example')!
  t.same(received.attachments.map((file) => [file.filename, file.contentType]), [['invoice-F2026-000001.pdf', 'application/pdf']])
  t.ok(received.attachments[0]!.content.equals(bytes), 'the bytes arrive unchanged')
  t.match(received.text, 'Bonjour Chloé', 'the text is still there')
  t.same(smtp.received.find((mail) => mail.recipients[0] === 'alice@client.example')!.attachments, [])
})

t.test('attachments are bounded: a path or header trick as file name, or more than the size limit, is refused when queued', async (t) => {
  const db = await freshDatabase(t)
  const file = (filename: string, size = 10, contentType = 'application/pdf') => ({ ...resetEmail('a@client.example', 'en'), attachments: [{ filename, contentType, content: Buffer.alloc(size) }] })
  for (const name of ['../etc/passwd', 'a\r\nBcc: x@evil.example', 'in"voice.pdf', '', 'x'.repeat(101)]) {
    await t.rejects(queueEmail(db, file(name)), InvalidAttachmentError, JSON.stringify(name))
  }
  await t.rejects(queueEmail(db, file('ok.pdf', 10, 'text/html\r\nX: y')), InvalidAttachmentError)
  await t.rejects(queueEmail(db, file('big.pdf', MAX_ATTACHMENTS_BYTES + 1)), InvalidAttachmentError)
  t.equal((await outbox(db)).length, 0)
})

t.test('without SMTP_URL the log names the attached files', async (t) => {
  const db = await freshDatabase(t)
  const lines: string[] = []
  const transport = createMailTransport(null, pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }))
  await queueEmail(db, { ...resetEmail('compta@client.example', 'fr'), attachments: [{ filename: 'invoice-F2026-000001.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.3') }] })
  t.same(await deliverDueEmails(db, transport, { holder: 'dev', from: FROM }), { sent: 1, failed: 0, retried: 0 })
  const mail = lines.map((line) => JSON.parse(line) as { msg: string; mail?: { attachments?: string[] } }).find((entry) => entry.mail)
  t.same(mail?.mail?.attachments, ['invoice-F2026-000001.pdf (8 bytes)'])
  t.match(mail?.msg, 'attached: invoice-F2026-000001.pdf')
})
