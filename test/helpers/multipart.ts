// A browser's multipart post (a form with a file), with the CSRF token of the
// client's last page: for the forms that take an attachment.
import type { Client } from './client.js'
import { SESSION_COOKIE } from '../../src/plugins/session.js'

export const SAMPLE_PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj <<>> endobj\n%%EOF\n')])
export const SAMPLE_PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
export const SAMPLE_EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62, 0x90)])

export interface MultipartFile {
  field: string
  fileName: string
  content: Buffer
  contentType?: string
}

/** Posts `fields` and an optional file as multipart/form-data; `csrf: null` leaves the token out. */
export async function postMultipart(client: Client, url: string, fields: Record<string, string>, file?: MultipartFile, { csrf }: { csrf?: string | null } = {}) {
  const token = csrf === undefined ? client.csrfToken() : csrf
  const boundary = `----ccs${Math.random().toString(16).slice(2)}`
  const part = (name: string, value: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
  const filePart = file
    ? [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`), file.content, Buffer.from('\r\n')]
    : []
  const payload = Buffer.concat([
    ...(token === null || token === undefined ? [] : [part('_csrf', token)]),
    ...Object.entries(fields).map(([name, value]) => part(name, value)),
    ...filePart,
    Buffer.from(`--${boundary}--\r\n`),
  ])
  return client.app.inject({
    method: 'POST', url, payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}` },
  })
}
