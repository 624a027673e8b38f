// An invoice or a credit note as a PDF (pdfkit, built-in Helvetica: its
// WinAnsi encoding covers € and French accents). It prints what was frozen
// at issue (customer_json, refs, lines, totals in cents), never today's
// contract: a sent invoice never changes. Spec 003: REF1 next to the
// contract code as "Your reference", REF2 and REF3 beside the usage period,
// on the first page.
//
// Language: the reader's (the requesting user's locale; the staff side passes
// the recipient's). The amounts, numbers and references are the same in both
// languages; only the words and Intl's number and date formats change.
import PDFDocument from 'pdfkit'
import type { Executor } from '../../db/database.js'
import type { InvoiceRow } from '../../db/invoices.table.js'
import { translator, type Locale, type Translator } from '../../i18n/index.js'
import { invoiceLinesOf, invoiceNumberOf, type PrintedLine } from './downloads.queries.js'
import { PROVIDER } from './invoice-pdf.provider.js'
import { drawLinesTable, drawTotals, pdfText } from './invoice-pdf.table.js'

export type { PrintedLine } from './downloads.queries.js'

export interface PdfExtras {
  /** The number of the invoice a credit note corrects. */
  correctsNumber?: string
}

const MARGIN = 50

/** What customer_json holds (written by the invoicing run, invoicing-customer.ts), read defensively: a missing field prints nothing. */
interface InvoiceCustomer {
  companyName: string
  address: string | null
  postalCode: string | null
  city: string | null
  country: string
  vatNumber: string | null
  contractCode: string
  contractName: string
}

/** The document as PDF bytes. */
export function renderInvoicePdf(invoice: InvoiceRow, lines: readonly PrintedLine[], locale: Locale, extras: PdfExtras = {}): Promise<Buffer> {
  const i18n = translator(locale)
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `${invoice.number}`, Author: PROVIDER.name } })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const customer = parseCustomer(invoice.customer_json)
  drawHeader(doc, invoice, i18n)
  drawParties(doc, customer, i18n)
  drawReferences(doc, invoice, customer, i18n, extras)
  drawLinesTable(doc, lines, i18n, new Set(lines.map((line) => line.contractCode)).size > 1)
  drawTotals(doc, invoice, i18n)
  drawTerms(doc, invoice, i18n)
  doc.end()
  return done
}

/** Loads what the PDF needs besides the invoice row, then renders it. */
export async function invoicePdfOf(db: Executor, invoice: InvoiceRow, locale: Locale): Promise<Buffer> {
  const lines = await invoiceLinesOf(db, invoice.id)
  const correctsNumber = await invoiceNumberOf(db, invoice.corrects_invoice_id)
  return renderInvoicePdf(invoice, lines, locale, { correctsNumber })
}

/** invoice-F2026-000001.pdf, credit-note-A2026-000001.pdf */
export function invoiceFileName(invoice: Pick<InvoiceRow, 'number' | 'kind'>): string {
  return `${invoice.kind === 'credit_note' ? 'credit-note' : 'invoice'}-${invoice.number}.pdf`
}

function parseCustomer(json: string): InvoiceCustomer {
  const parsed = JSON.parse(json) as Partial<InvoiceCustomer>
  return {
    companyName: parsed.companyName ?? '', address: parsed.address ?? null, postalCode: parsed.postalCode ?? null, city: parsed.city ?? null,
    country: parsed.country ?? '', vatNumber: parsed.vatNumber ?? null, contractCode: parsed.contractCode ?? '', contractName: parsed.contractName ?? '',
  }
}

function drawHeader(doc: PDFKit.PDFDocument, invoice: InvoiceRow, { t, fmt }: Translator) {
  const top = MARGIN
  doc.font('Helvetica-Bold').fontSize(13).text(PROVIDER.name, MARGIN, top, { width: 260 })
  doc.font('Helvetica').fontSize(9)
  for (const line of PROVIDER.address) doc.text(line, { width: 260 })
  doc.text(PROVIDER.registration, { width: 260 })
  doc.text(pdfText(label(t, 'bills.pdf.vat_number', PROVIDER.vatNumber)), { width: 260 })
  const right = 330
  const title = invoice.kind === 'credit_note' ? t('bills.pdf.credit_note') : t('bills.pdf.invoice')
  doc.font('Helvetica-Bold').fontSize(20).text(pdfText(title.toUpperCase()), right, top, { width: 215, align: 'right' })
  doc.font('Helvetica').fontSize(10)
  doc.text(pdfText(label(t, 'bills.pdf.number', invoice.number)), right, doc.y + 4, { width: 215, align: 'right' })
  doc.text(pdfText(label(t, 'bills.pdf.issued_on', fmt.date(invoice.issued_on))), { width: 215, align: 'right' })
  doc.text(pdfText(label(t, 'bills.pdf.due_on', fmt.date(invoice.due_on))), { width: 215, align: 'right' })
  doc.y = Math.max(doc.y, top + 90)
}

function drawParties(doc: PDFKit.PDFDocument, customer: InvoiceCustomer, { t }: Translator) {
  const x = 330
  const top = doc.y + 10
  doc.font('Helvetica-Bold').fontSize(10).text(pdfText(t('bills.pdf.customer')), x, top, { width: 215 })
  doc.font('Helvetica').fontSize(10).text(pdfText(customer.companyName), { width: 215 })
  const place = [customer.postalCode, customer.city].filter(Boolean).join(' ')
  for (const line of [customer.address, place, customer.country]) if (line) doc.text(pdfText(line), { width: 215 })
  if (customer.vatNumber) doc.text(pdfText(label(t, 'bills.pdf.vat_number', customer.vatNumber)), { width: 215 })
  doc.x = MARGIN
  doc.y += 16
}

function drawReferences(doc: PDFKit.PDFDocument, invoice: InvoiceRow, customer: InvoiceCustomer, { t, fmt }: Translator, extras: PdfExtras) {
  doc.font('Helvetica').fontSize(9.5)
  const pair = (left: string, right: string | null) => {
    const y = doc.y
    doc.text(pdfText(left), MARGIN, y, { width: 310 })
    const after = doc.y
    if (right) doc.text(pdfText(right), 365, y, { width: 180 })
    doc.y = Math.max(after, doc.y) + 2
  }
  pair(label(t, 'bills.pdf.contract', `${customer.contractCode} – ${customer.contractName}`), invoice.ref1 ? label(t, 'bills.pdf.your_reference', invoice.ref1) : null)
  const refs = [invoice.ref2, invoice.ref3].filter((ref): ref is string => Boolean(ref))
  pair(label(t, 'bills.pdf.period', t('bills.pdf.period_value', { from: fmt.date(invoice.period_start), to: fmt.date(invoice.period_end) })),
    refs.length > 0 ? label(t, 'bills.pdf.reference', refs.join(' / ')) : null)
  if (invoice.kind === 'credit_note') {
    doc.font('Helvetica-Bold').text(pdfText(t('bills.pdf.corrects', { number: extras.correctsNumber ?? '' })), MARGIN, doc.y + 4)
    if (invoice.reason) doc.font('Helvetica').text(pdfText(label(t, 'bills.pdf.reason', invoice.reason)), { width: 495 })
  }
  doc.x = MARGIN
  doc.y += 14
}

function drawTerms(doc: PDFKit.PDFDocument, invoice: InvoiceRow, { t, fmt }: Translator) {
  doc.font('Helvetica').fontSize(8.5).fillColor('#333333')
  const terms = invoice.kind === 'credit_note'
    ? t('bills.pdf.terms_credit_note')
    : t('bills.pdf.terms', { due: fmt.date(invoice.due_on), number: invoice.number, iban: PROVIDER.iban, bic: PROVIDER.bic })
  doc.text(pdfText(terms), MARGIN, doc.y + 24, { width: 495 })
  doc.text(pdfText(t('bills.pdf.penalties')), { width: 495 })
  doc.fillColor('black')
}

/** "Label: value" in the language's typography (French puts a space before the colon). */
export function label(t: Translator['t'], key: Parameters<Translator['t']>[0], value: string): string {
  return t('bills.pdf.labelled', { label: t(key), value })
}
