// The lines and the totals of an invoice PDF: one row per billed service
// (with the member contract on a grouped invoice), amounts excl. VAT right
// aligned, then total excl. VAT, VAT and total incl. VAT — the frozen cents.
import type { InvoiceRow } from '../../db/invoices.table.js'
import type { Translator } from '../../i18n/index.js'
import type { PrintedLine } from './downloads.queries.js'

const LEFT = 50
const WIDTH = 495
const AMOUNT_WIDTH = 110
const BOTTOM = 770

/** Helvetica's WinAnsi has no narrow no-break space (Intl's French thousands separator): a no-break space instead. */
export function pdfText(value: string): string {
  return value.replace(/\u202f/g, '\u00a0')
}
const text = pdfText

export function drawLinesTable(doc: PDFKit.PDFDocument, lines: readonly PrintedLine[], { t, fmt }: Translator, grouped: boolean) {
  const columns = grouped
    ? [{ title: t('bills.pdf.col.contract'), width: 95 }, { title: t('bills.pdf.col.service'), width: 150 }, { title: t('bills.pdf.col.description'), width: 140 }]
    : [{ title: t('bills.pdf.col.service'), width: 190 }, { title: t('bills.pdf.col.description'), width: 195 }]
  const row = (cells: string[], amount: string, bold = false) => {
    if (doc.y > BOTTOM) doc.addPage()
    const y = doc.y
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9.5)
    let x = LEFT
    let bottom = y
    columns.forEach((column, index) => {
      doc.text(text(cells[index] ?? ''), x, y, { width: column.width - 6 })
      bottom = Math.max(bottom, doc.y)
      x += column.width
    })
    doc.text(text(amount), LEFT + WIDTH - AMOUNT_WIDTH, y, { width: AMOUNT_WIDTH, align: 'right' })
    doc.y = Math.max(bottom, doc.y) + 4
  }
  row(columns.map((column) => column.title), t('bills.pdf.col.amount'), true)
  doc.moveTo(LEFT, doc.y - 2).lineTo(LEFT + WIDTH, doc.y - 2).lineWidth(0.5).stroke()
  for (const line of lines) {
    const cells = grouped ? [line.contractCode, line.service, line.description] : [line.service, line.description]
    row(cells, fmt.money(line.amountExclCents))
  }
  doc.moveTo(LEFT, doc.y).lineTo(LEFT + WIDTH, doc.y).lineWidth(0.5).stroke()
  doc.y += 8
}

export function drawTotals(doc: PDFKit.PDFDocument, invoice: InvoiceRow, { t, fmt }: Translator) {
  const total = (labelText: string, cents: number, bold = false) => {
    if (doc.y > BOTTOM) doc.addPage()
    const y = doc.y
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10)
    doc.text(text(labelText), LEFT + WIDTH - AMOUNT_WIDTH - 200, y, { width: 195, align: 'right' })
    doc.text(text(fmt.money(cents)), LEFT + WIDTH - AMOUNT_WIDTH, y, { width: AMOUNT_WIDTH, align: 'right' })
    doc.y += 3
  }
  total(t('bills.files.total_excl'), invoice.total_excl_cents)
  total(t('bills.files.vat', { rate: fmt.number(invoice.vat_rate_bp / 100) }), invoice.vat_cents)
  total(t('bills.files.total_incl'), invoice.total_incl_cents, true)
  doc.x = LEFT
}
