// A real SMTP server on a loopback port for mail tests, with the few bits of
// MIME decoding needed to read what arrived (subject, text and HTML parts,
// attached files).
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

interface Teardown {
  teardown(fn: () => unknown): void
}

export interface ReceivedEmail {
  /** RCPT TO addresses: who the server was asked to deliver to. */
  recipients: string[]
  headers: Record<string, string>
  subject: string
  text: string
  html: string
  /** Parts sent as attachments, decoded. */
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>
  raw: string
}

export interface TestSmtpServer {
  url: string
  received: ReceivedEmail[]
  /** How many of the next recipients to refuse with a temporary error (Infinity: all). */
  refuseNext: number
}

export async function startSmtpServer(t: Teardown): Promise<TestSmtpServer> {
  const state: TestSmtpServer = { url: '', received: [], refuseNext: 0 }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refuseNext <= 0) return callback()
      state.refuseNext -= 1
      callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        state.received.push({ recipients: session.envelope.rcptTo.map((r) => r.address), ...parseMessage(raw), raw })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return state
}

interface Part {
  headers: Record<string, string>
  body: string
}

function parseMessage(raw: string): Pick<ReceivedEmail, 'headers' | 'subject' | 'text' | 'html' | 'attachments'> {
  const message = splitPart(raw)
  const leaves = flatten(message)
  const find = (type: string) => leaves.find((part) => (part.headers['content-type'] ?? '').startsWith(type))
  return {
    headers: message.headers,
    subject: message.headers.subject ?? '',
    text: find('text/plain') ? decodeBody(find('text/plain')!) : '',
    html: find('text/html') ? decodeBody(find('text/html')!) : '',
    attachments: leaves.filter((part) => /^attachment/i.test(part.headers['content-disposition'] ?? '')).map((part) => ({
      filename: /filename="?([^";]+)"?/.exec(part.headers['content-disposition']!)?.[1] ?? '',
      contentType: (part.headers['content-type'] ?? '').split(';')[0]!.trim(),
      content: decodeBytes(part),
    })),
  }
}

function splitPart(raw: string): Part {
  const end = raw.search(/\r?\n\r?\n/)
  const head = end === -1 ? raw : raw.slice(0, end)
  const body = end === -1 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '')
  const headers: Record<string, string> = {}
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim())
  }
  return { headers, body }
}

function flatten(part: Part): Part[] {
  const boundary = /boundary="?([^";]+)"?/.exec(part.headers['content-type'] ?? '')?.[1]
  if (!boundary) return [part]
  const sections = part.body.split(`--${boundary}`).slice(1, -1)
  return sections.flatMap((section) => flatten(splitPart(section.replace(/^\r?\n/, ''))))
}

function decodeBytes(part: Part): Buffer {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase()
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64')
  return Buffer.from(part.body, 'latin1')
}

function decodeBody(part: Part): string {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase()
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body.replace(/=\r?\n/g, ''))
  return part.body
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3)
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(text[i]!, 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

// RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=); whitespace between two of them is not text.
function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_whole, kind: string, data: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  )
}
