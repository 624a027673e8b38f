// Hostile rows for the documents pages (see ../cases.ts for how rows work).
// The upload form is multipart: its rows send raw bodies (`{csrf}` is the
// client's token); urlencoded posts reach it too and must be refused as well.
import { SCRIPT_TEXT, SQL_TEXT, type CsrfMode, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

/** Documents manager of OCB0000302 (English). */
const MANAGER = 'laura.vidal'
const CONTRACT = 'OCB0000302'
/** Documents visitor of OCB0000101. */
const VISITOR = 'chloe.bernard'
const OTHER_COMPANY_CONTRACT = 'OCB0000201'
const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const BAD_REQUEST: MessageRef[] = ['error.400.title', 'error.400.body']
const CSRF: Array<[CsrfMode, string]> = [['missing', 'without a CSRF token'], ['forged', 'with a forged CSRF token'], ['other-session', "with another session's CSRF token"], ['repeated', 'with its CSRF token sent twice']]

const B = 'hostileBoundary'
const part = (name: string, value: string) => `--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
const filePart = (fileName: string, content: string, type = 'application/pdf') =>
  `--${B}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`
const multipart = (parts: string[], code = CONTRACT, as = MANAGER): HostileRequest =>
  ({ method: 'POST', url: `/contracts/${code}/documents`, as, body: { contentType: `multipart/form-data; boundary=${B}`, payload: `${parts.join('')}--${B}--\r\n` } })
const withToken = (...parts: string[]) => [part('_csrf', '{csrf}'), ...parts]
const refused = (messages: MessageRef[], extra: Partial<HostileExpect> = {}): HostileExpect => ({ status: 422, messages, signedInAfter: true, ...extra })

const listCases: HostileCase[] = [
  { name: 'GET /contracts/:code/documents lists the documents for a documents visitor, without the upload form', request: { method: 'GET', url: '/contracts/OCB0000101/documents', as: VISITOR },
    expect: { status: 200, messages: ['documents.title', 'documents.managers_only'], absent: ['multipart/form-data'] } },
  { name: "GET /contracts/:code/documents of another company's contract is a 404", request: { method: 'GET', url: `/contracts/${OTHER_COMPANY_CONTRACT}/documents`, as: MANAGER }, expect: { status: 404, messages: NOT_FOUND } },
  ...(['0', '-1', 'abc', '1.5', '99999999', '9'.repeat(40), encodeURIComponent(SCRIPT_TEXT), encodeURIComponent(SQL_TEXT)]).map((id): HostileCase => ({
    name: `GET /contracts/:code/documents/:id with the id ${id.slice(0, 20)} is a 404`,
    request: { method: 'GET', url: `/contracts/${CONTRACT}/documents/${id}`, as: MANAGER }, expect: { status: 404, messages: NOT_FOUND },
  })),
]

const uploadCases: HostileCase[] = [
  ...CSRF.map(([csrf, how]): HostileCase => ({
    name: `POST /contracts/:code/documents (urlencoded) ${how} is refused with 403 and writes nothing`,
    request: { method: 'POST', url: `/contracts/${CONTRACT}/documents`, as: MANAGER, form: { title: 'x' }, csrf },
    expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true },
  })),
  { name: 'POST /contracts/:code/documents (multipart) without a CSRF token is refused with 403', request: multipart([part('title', 'x'), filePart('a.pdf', '%PDF-1.7 x')]),
    expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true } },
  { name: 'POST /contracts/:code/documents (multipart) with a forged CSRF token is refused with 403', request: multipart([part('_csrf', 'forged'), filePart('a.pdf', '%PDF-1.7 x')]),
    expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true } },
  { name: 'POST /contracts/:code/documents (multipart) with the CSRF token sent twice is refused with 403', request: multipart([part('_csrf', '{csrf}'), part('_csrf', '{csrf}'), filePart('a.pdf', '%PDF-1.7 x')]),
    expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true } },
  { name: 'POST /contracts/:code/documents from an anonymous visitor is sent to the login page', request: { ...multipart(withToken(filePart('a.pdf', '%PDF-1.7 x'))), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /contracts/:code/documents as a documents visitor is a 403 naming the role', request: multipart(withToken(filePart('a.pdf', '%PDF-1.7 x')), 'OCB0000101', VISITOR),
    expect: { status: 403, messages: ['error.403.title', { key: 'error.403.needs', params: { role: 'Manager', section: 'Documents' } }], signedInAfter: true } },
  { name: "POST /contracts/:code/documents on another company's contract is a 404", request: multipart(withToken(filePart('a.pdf', '%PDF-1.7 x')), OTHER_COMPANY_CONTRACT), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'POST /contracts/:code/documents (urlencoded, no file) is refused (422)', request: { method: 'POST', url: `/contracts/${CONTRACT}/documents`, as: MANAGER, form: { title: SCRIPT_TEXT } },
    expect: refused(['documents.error.file_required'], { echoed: SCRIPT_TEXT }) },
  { name: 'POST /contracts/:code/documents without a file part is refused (422)', request: multipart(withToken(part('title', 'Order'))), expect: refused(['documents.error.file_required']) },
  { name: 'POST /contracts/:code/documents with an empty file is refused (422)', request: multipart(withToken(filePart('a.pdf', ''))), expect: refused(['documents.error.file_empty']) },
  { name: 'POST /contracts/:code/documents with an .exe is refused (422)', request: multipart(withToken(filePart('setup.exe', 'MZ\u0090\u0000\u0003', 'application/pdf'))), expect: refused(['documents.error.type_refused']) },
  { name: 'POST /contracts/:code/documents with an .html file is refused (422)', request: multipart(withToken(filePart('page.html', SCRIPT_TEXT, 'text/html'))), expect: refused(['documents.error.type_refused'], { absent: ['alert(1)'] }) },
  { name: 'POST /contracts/:code/documents with an SVG declared as PNG is refused (422)', request: multipart(withToken(filePart('logo.png', `<svg xmlns="http://www.w3.org/2000/svg">${SCRIPT_TEXT}</svg>`, 'image/png'))), expect: refused(['documents.error.type_mismatch'], { absent: ['alert(1)'] }) },
  { name: 'POST /contracts/:code/documents with a script named .pdf is refused (422)', request: multipart(withToken(filePart(`${SCRIPT_TEXT}.pdf`, SCRIPT_TEXT))), expect: refused(['documents.error.type_mismatch'], { absent: ['alert(1)'] }) },
  { name: 'POST /contracts/:code/documents with a file name with no extension is refused (422)', request: multipart(withToken(filePart('README', '%PDF-1.7 x'))), expect: refused(['documents.error.type_refused']) },
  { name: 'POST /contracts/:code/documents with a path in the file name and text content named .pdf is refused (422)', request: multipart(withToken(filePart('../../etc/passwd.pdf', 'root:x:0:0'))), expect: refused(['documents.error.type_mismatch']) },
  { name: 'POST /contracts/:code/documents with a 151-character title is refused (422), the title kept', request: multipart(withToken(part('title', 'T'.repeat(151)), filePart('a.pdf', '%PDF-1.7 x'))),
    expect: refused([{ key: 'documents.error.title_too_long', params: { max: 150 } }], { echoed: 'T'.repeat(151) }) },
  { name: 'POST /contracts/:code/documents with the title sent twice is a 400', request: multipart(withToken(part('title', 'a'), part('title', 'b'), filePart('a.pdf', '%PDF-1.7 x'))), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /contracts/:code/documents with two files is refused with 413', request: multipart(withToken(filePart('a.pdf', '%PDF-1.7 a'), filePart('b.pdf', '%PDF-1.7 b'))),
    expect: { status: 413, messages: ['error.413.title', 'error.413.body'], signedInAfter: true } },
  { name: 'POST /contracts/:code/documents with a multipart type and no boundary is a 400', request: { method: 'POST', url: `/contracts/${CONTRACT}/documents`, as: MANAGER, body: { contentType: 'multipart/form-data', payload: part('_csrf', '{csrf}') } },
    expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /contracts/:code/documents with a body cut in the middle of the file is a 400', request: { method: 'POST', url: `/contracts/${CONTRACT}/documents`, as: MANAGER, body: { contentType: `multipart/form-data; boundary=${B}`, payload: `${part('_csrf', '{csrf}')}--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7` } },
    expect: { status: 400, messages: BAD_REQUEST } },
]

const deleteCases: HostileCase[] = [
  ...CSRF.map(([csrf, how]): HostileCase => ({
    name: `POST /contracts/:code/documents/:id/delete ${how} is refused with 403 and writes nothing`,
    request: { method: 'POST', url: `/contracts/${CONTRACT}/documents/1/delete`, as: MANAGER, form: {}, csrf },
    expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true },
  })),
  ...(['0', 'abc', '99999999', encodeURIComponent(SCRIPT_TEXT)]).map((id): HostileCase => ({
    name: `POST /contracts/:code/documents/:id/delete with the id ${id.slice(0, 20)} is a 404`,
    request: { method: 'POST', url: `/contracts/${CONTRACT}/documents/${id}/delete`, as: MANAGER, form: {} }, expect: { status: 404, messages: NOT_FOUND },
  })),
  { name: 'POST /contracts/:code/documents/:id/delete as a documents visitor is a 403', request: { method: 'POST', url: '/contracts/OCB0000101/documents/1/delete', as: VISITOR, form: {} },
    expect: { status: 403, messages: ['error.403.title', { key: 'error.403.needs', params: { role: 'Manager', section: 'Documents' } }], signedInAfter: true } },
]

export const documentsForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /contracts/:code/documents(/:id)', listCases],
  ['POST /contracts/:code/documents', uploadCases],
  ['POST /contracts/:code/documents/:id/delete', deleteCases],
]
