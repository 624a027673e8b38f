import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, loginAsStaff, seedPersonas } from '../helpers/personas.js'
import type { Client } from '../helpers/client.js'
import { SESSION_COOKIE } from '../../src/plugins/session.js'

type App = Awaited<ReturnType<typeof setup>>

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj <<>> endobj\n%%EOF\n')])
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62, 0x90)])

interface Upload { title?: string; fileName?: string; content?: Buffer; csrf?: string | null; declaredType?: string }

/** A browser's multipart post of the upload form, with the token of the client's last page. */
async function upload(client: Client, url: string, { title = '', fileName = 'contract.pdf', content = PDF, csrf, declaredType = 'application/pdf' }: Upload) {
  const token = csrf === undefined ? client.csrfToken() : csrf
  const boundary = `----ccs${Math.random().toString(16).slice(2)}`
  const field = (name: string, value: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
  const payload = Buffer.concat([
    ...(token === null ? [] : [field('_csrf', token)]),
    field('title', title),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${declaredType}\r\n\r\n`),
    content, Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return client.app.inject({
    method: 'POST', url, payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}` },
  })
}

const documents = (app: App) => app.db.selectFrom('documents').selectAll().orderBy('id').execute()

async function lauraUploads(app: App, fields: Upload) {
  const laura = await loginAs(app, 'laura.vidal')
  await laura.get('/contracts/OCB0000302/documents')
  return { laura, answer: await upload(laura, '/contracts/OCB0000302/documents', fields) }
}

t.test('a documents manager uploads a PDF and downloads the same bytes, as an attachment with its type and no sniffing', async (t) => {
  const app = await setup(t)
  const { laura, answer } = await lauraUploads(app, { title: 'Signed order form', fileName: 'order-form.pdf' })
  t.equal(answer.statusCode, 303)
  t.equal(answer.headers.location, '/contracts/OCB0000302/documents')
  const [doc] = await documents(app)
  t.match(doc, { kind: 'customer', title: 'Signed order form', file_name: 'order-form.pdf', content_type: 'application/pdf', size_bytes: PDF.length, deleted_at: null })
  const list = await laura.get('/contracts/OCB0000302/documents')
  t.match(list.body, 'Signed order form')
  t.match(list.body, `${PDF.length} bytes`)
  t.match(list.body, 'Laura Vidal')
  const download = await laura.get(`/contracts/OCB0000302/documents/${doc!.id}`)
  t.equal(download.statusCode, 200)
  t.same(download.rawPayload, PDF, 'the bytes are those uploaded')
  t.equal(download.headers['content-type'], 'application/pdf')
  t.equal(download.headers['content-disposition'], 'attachment; filename="order-form.pdf"; filename*=UTF-8\'\'order-form.pdf')
  t.equal(download.headers['x-content-type-options'], 'nosniff')
  const audit = await app.db.selectFrom('audit_log').selectAll().where('action', '=', 'document.uploaded').executeTakeFirstOrThrow()
  t.match(JSON.parse(audit.details!), { document_id: doc!.id, type: 'pdf' })
})

t.test('a file name with accents and a semicolon gets an ASCII name and the exact one in filename*; an empty title takes the file name', async (t) => {
  const app = await setup(t)
  const { laura } = await lauraUploads(app, { fileName: 'Facture été; n°1.pdf' })
  const [doc] = await documents(app)
  t.equal(doc!.title, 'Facture été; n°1.pdf')
  const download = await laura.get(`/contracts/OCB0000302/documents/${doc!.id}`)
  t.equal(download.headers['content-disposition'], 'attachment; filename="Facture ete_ n_1.pdf"; filename*=UTF-8\'\'Facture%20%C3%A9t%C3%A9%3B%20n%C2%B01.pdf')
})

t.test('type sniffing: PNG bytes named .pdf, an .exe, or binary bytes named .txt are refused with 422 and nothing is stored', async (t) => {
  const app = await setup(t)
  const laura = await loginAs(app, 'laura.vidal')
  const cases: Array<[Upload, string]> = [
    [{ fileName: 'scan.pdf', content: PNG }, 'doesn’t match its name’s extension'],
    [{ fileName: 'setup.exe', content: EXE, declaredType: 'application/pdf' }, 'This type of file is not accepted'],
    [{ fileName: 'notes.txt', content: EXE, declaredType: 'text/plain' }, 'doesn’t match its name’s extension'],
  ]
  for (const [fields, message] of cases) {
    await laura.get('/contracts/OCB0000302/documents')
    const answer = await upload(laura, '/contracts/OCB0000302/documents', { title: 'Kept title', ...fields })
    t.equal(answer.statusCode, 422, fields.fileName ?? '')
    t.match(answer.body, message)
    t.match(answer.body, 'value="Kept title"', 'what was typed is kept')
  }
  t.same(await documents(app), [])
})

t.test('PNG, text, CSV, XLSX and DOCX files are recognised by their bytes', async (t) => {
  const app = await setup(t)
  const laura = await loginAs(app, 'laura.vidal')
  const zipWith = (name: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(name)])
  const files: Array<[string, Buffer, string]> = [
    ['diagram.png', PNG, 'image/png'], ['notes.txt', Buffer.from('Hello, été\n'), 'text/plain; charset=utf-8'],
    ['usage.csv', Buffer.from('day;amount\n2026-11-01;12.50\n'), 'text/csv; charset=utf-8'],
    ['budget.xlsx', zipWith('xl/workbook.xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['memo.docx', zipWith('word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ]
  for (const [fileName, content] of files) {
    await laura.get('/contracts/OCB0000302/documents')
    t.equal((await upload(laura, '/contracts/OCB0000302/documents', { fileName, content, declaredType: 'application/octet-stream' })).statusCode, 303, fileName)
  }
  t.same((await documents(app)).map((doc) => doc.content_type), files.map(([, , type]) => type))
})

t.test('a file over 10 MB is refused with 413 and a clear message, and nothing is stored', async (t) => {
  const app = await setup(t)
  const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length, 0x20)])
  const { answer } = await lauraUploads(app, { title: 'Too big', content: big })
  t.equal(answer.statusCode, 413)
  t.match(answer.body, 'The file is larger than 10 MB')
  t.same(await documents(app), [])
})

t.test('a request announcing far more than 10 MB is refused with 413 before it is read', async (t) => {
  const app = await setup(t)
  const laura = await loginAs(app, 'laura.vidal')
  const answer = await app.inject({
    method: 'POST', url: '/contracts/OCB0000302/documents', payload: 'x',
    headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(50 * 1024 * 1024), cookie: `${SESSION_COOKIE}=${laura.cookie(SESSION_COOKIE)}` },
  }).catch((error: unknown) => error as Error)
  t.equal('statusCode' in answer ? answer.statusCode : 0, 413)
})

t.test('the multipart form checks the CSRF token: without it the upload is refused with 403', async (t) => {
  const app = await setup(t)
  const missing = await lauraUploads(app, { csrf: null })
  t.equal(missing.answer.statusCode, 403)
  const forged = await lauraUploads(app, { csrf: 'forged-token' })
  t.equal(forged.answer.statusCode, 403)
  t.same(await documents(app), [])
})

t.test('a documents visitor lists and downloads but may not upload (403)', async (t) => {
  const app = await setup(t)
  await lauraUploads(app, { title: 'Shared file' })
  const julien = await loginAs(app, 'julien.blanc')
  const list = await julien.get('/contracts/OCB0000302/documents')
  t.match(list.body, 'Shared file')
  t.notMatch(list.body, 'enctype="multipart/form-data"')
  t.notMatch(list.body, '/delete"')
  const [doc] = await documents(app)
  t.equal((await julien.get(`/contracts/OCB0000302/documents/${doc!.id}`)).statusCode, 200)
  t.equal((await upload(julien, '/contracts/OCB0000302/documents', { title: 'Mine' })).statusCode, 403)
  t.equal((await documents(app)).length, 1)
})

t.test('another contract\'s document, or an id that is not one, is a 404', async (t) => {
  const app = await setup(t)
  const emma = await loginAs(app, 'emma.leroy')
  await emma.get('/contracts/OCB0000201/documents')
  t.equal((await upload(emma, '/contracts/OCB0000201/documents', { title: 'Lumière file' })).statusCode, 303)
  const [doc] = await documents(app)
  const laura = await loginAs(app, 'laura.vidal')
  t.equal((await laura.get(`/contracts/OCB0000302/documents/${doc!.id}`)).statusCode, 404)
  t.equal((await laura.get(`/contracts/OCB0000201/documents/${doc!.id}`)).statusCode, 404)
  for (const id of ['0', '-1', 'abc', '99999999999', '1.5']) t.equal((await laura.get(`/contracts/OCB0000302/documents/${id}`)).statusCode, 404, id)
  await laura.get('/contracts/OCB0000302/documents')
  t.equal((await laura.post(`/contracts/OCB0000302/documents/${doc!.id}/delete`)).statusCode, 404)
  t.equal((await documents(app))[0]!.deleted_at, null)
})

t.test('a documents manager deletes a customer file (kept, marked deleted, no longer listed or downloadable); contractual documents can\'t be deleted', async (t) => {
  const app = await setup(t)
  const { laura } = await lauraUploads(app, { title: 'Old file' })
  const [doc] = await documents(app)
  await laura.get('/contracts/OCB0000302/documents')
  const answer = await laura.post(`/contracts/OCB0000302/documents/${doc!.id}/delete`)
  t.equal(answer.statusCode, 303)
  const [after] = await documents(app)
  t.ok(after!.deleted_at, 'soft delete: the row stays')
  t.notMatch((await laura.get('/contracts/OCB0000302/documents')).body, 'Old file</a>')
  t.equal((await laura.get(`/contracts/OCB0000302/documents/${doc!.id}`)).statusCode, 404)
  t.ok(await app.db.selectFrom('audit_log').select('id').where('action', '=', 'document.deleted').executeTakeFirst())
  const contract = await app.db.selectFrom('contracts').select('id').where('code', '=', 'OCB0000302').executeTakeFirstOrThrow()
  await app.db.insertInto('documents').values({ contract_id: contract.id, kind: 'contractual', title: 'Contract', file_name: 'c.pdf', content_type: 'application/pdf', size_bytes: PDF.length, sha256: 'x', content: PDF, uploaded_by: null, uploaded_at: new Date().toISOString(), deleted_at: null }).execute()
  const contractual = (await documents(app))[1]!
  await laura.get('/contracts/OCB0000302/documents')
  t.equal((await laura.post(`/contracts/OCB0000302/documents/${contractual.id}/delete`)).statusCode, 404)
  t.equal((await documents(app))[1]!.deleted_at, null)
})

t.test('staff put a contractual document; the customer sees it among contractual documents, put by Orange Business', async (t) => {
  const app = await setup(t)
  const sophie = await loginAsStaff(app, 'sophie.durand')
  const page = await sophie.get('/admin/contracts/OCB0000302/documents')
  t.equal(page.statusCode, 200)
  const answer = await upload(sophie, '/admin/contracts/OCB0000302/documents', { title: 'Service agreement', fileName: 'agreement.pdf' })
  t.equal(answer.statusCode, 303)
  const [doc] = await documents(app)
  t.match(doc, { kind: 'contractual', title: 'Service agreement' })
  t.ok(await app.db.selectFrom('audit_log').select('id').where('action', '=', 'document.contractual_uploaded').executeTakeFirst())
  const laura = await loginAs(app, 'laura.vidal')
  const list = await laura.get('/contracts/OCB0000302/documents')
  t.match(list.body, /Contractual documents[\s\S]*Service agreement[\s\S]*Orange Business[\s\S]*Your files/)
  t.notMatch(list.body, `/documents/${doc!.id}/delete`)
  const customer = await loginAs(app, 'laura.vidal')
  t.equal((await customer.get('/admin/contracts/OCB0000302/documents')).statusCode, 404, 'customers do not see the back-office')
})

t.test('a malformed multipart body (no boundary, cut short, two files) is a 4xx, never a 500, and stores nothing', async (t) => {
  const app = await setup(t)
  const laura = await loginAs(app, 'laura.vidal')
  await laura.get('/contracts/OCB0000302/documents')
  const token = laura.csrfToken()
  const cookie = `${SESSION_COOKIE}=${laura.cookie(SESSION_COOKIE)}`
  const post = (contentType: string, payload: string) => app.inject({ method: 'POST', url: '/contracts/OCB0000302/documents', payload, headers: { 'content-type': contentType, cookie } })
  const part = (name: string, value: string, fileName?: string) =>
    `--b\r\nContent-Disposition: form-data; name="${name}"${fileName ? `; filename="${fileName}"\r\nContent-Type: application/pdf` : ''}\r\n\r\n${value}\r\n`
  const noBoundary = await post('multipart/form-data', `${part('_csrf', token)}--b--\r\n`)
  t.equal(noBoundary.statusCode, 400, 'no boundary')
  const cut = await post('multipart/form-data; boundary=b', `${part('_csrf', token)}--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7`)
  t.ok(cut.statusCode >= 400 && cut.statusCode < 500, `cut short: ${cut.statusCode}`)
  const twoFiles = await post('multipart/form-data; boundary=b', `${part('_csrf', token)}${part('file', '%PDF-1.7 a', 'a.pdf')}${part('file', '%PDF-1.7 b', 'b.pdf')}--b--\r\n`)
  t.equal(twoFiles.statusCode, 413, 'two files')
  const twoTitles = await post('multipart/form-data; boundary=b', `${part('_csrf', token)}${part('title', 'a')}${part('title', 'b')}${part('file', '%PDF-1.7 a', 'a.pdf')}--b--\r\n`)
  t.equal(twoTitles.statusCode, 400, 'a repeated title')
  t.same(await documents(app), [])
})
