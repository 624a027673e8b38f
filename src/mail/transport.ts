// Where emails go: the SMTP server of SMTP_URL, or, without one (development),
// the log, so that a new user's link can be read in the console.
import type { FastifyBaseLogger } from 'fastify'
import nodemailer from 'nodemailer'

export interface OutgoingEmail {
  from: string
  to: string
  subject: string
  text: string
  html: string
  /** Files sent with it (the outbox bounds their size). */
  attachments?: ReadonlyArray<{ filename: string; content: Buffer; contentType: string }>
}

export interface MailTransport {
  /** Resolves once the server accepted the message; rejects with its reason otherwise. */
  send(email: OutgoingEmail): Promise<void>
  close(): void
}

// Nodemailer's defaults wait up to 10 minutes on a silent server; the
// delivery job's lease must outlast one send, so keep them short.
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 10_000, socketTimeout: 30_000 }

export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS })
  return {
    send: async (email) => {
      const { attachments, ...message } = email
      await transporter.sendMail({ ...message, ...(attachments?.length ? { attachments: attachments.map((file) => ({ filename: file.filename, content: file.content, contentType: file.contentType })) } : {}) })
    },
    close: () => transporter.close(),
  }
}

export function logTransport(log: FastifyBaseLogger): MailTransport {
  return {
    send: async (email) => {
      const files = (email.attachments ?? []).map((file) => `${file.filename} (${file.content.length} bytes)`)
      const attached = files.length > 0 ? `\nattached: ${files.join(', ')}` : ''
      log.info({ mail: { to: email.to, subject: email.subject, ...(files.length > 0 ? { attachments: files } : {}) } }, `email not sent (no SMTP_URL), its text:\n${email.text}${attached}`)
    },
    close: () => {},
  }
}

export function createMailTransport(smtpUrl: string | null, log: FastifyBaseLogger): MailTransport {
  if (smtpUrl) return smtpTransport(smtpUrl)
  log.warn('SMTP_URL is not set: emails are written to the log instead of being sent')
  return logTransport(log)
}
