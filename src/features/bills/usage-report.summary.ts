// The summary sheet of a usage report, and the one sheet of the simulation
// workbook: per contract, service and metric the quantities and — valued —
// the amounts, each service's line rounded once to the cent and the totals
// excl. VAT / VAT / incl. VAT, all from pricing.ts through monthToDateOf:
// the same figures as the bills page and the invoice.
import type ExcelJS from 'exceljs'
import type { Translate } from '../../i18n/index.js'
import { NUMBER_FORMATS } from './usage-report.columns.js'
import type { MonthToDate } from './page.simulation.js'

export interface SummaryOptions {
  valued: boolean
  t: Translate
  /** Label and value rows written under the table (contract, month…). */
  about: Array<[label: string, value: string]>
}

const euros = (cents: number) => cents / 100

export function writeSummarySheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, priced: MonthToDate, options: SummaryOptions): void {
  const { t, valued } = options
  const several = priced.blocks.length > 1
  const headers = [...(several ? [t('bills.files.col.contract')] : []), t('bills.files.col.service'), t('bills.files.col.metric'),
    t('bills.files.col.unit'), t('bills.files.col.quantity'), ...(valued ? [t('bills.files.col.amount')] : [])]
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  const offset = several ? 1 : 0
  sheet.columns = headers.map((header, index) => ({ header, width: index === offset ? 28 : index === offset + 1 ? 20 : 16 }))
  sheet.getColumn(offset + 4).numFmt = NUMBER_FORMATS.quantity!
  if (valued) sheet.getColumn(offset + 5).numFmt = NUMBER_FORMATS.amount!
  sheet.getRow(1).font = { bold: true }
  let rows = 1
  for (const block of priced.blocks) {
    for (const line of block.lines) {
      for (const metric of line.metrics) {
        const amount = valued ? [metric.amountMicro / 1_000_000] : []
        sheet.addRow([...(several ? [block.contract.code] : []), line.service, metric.metric, metric.unit, metric.quantityMilli / 1000, ...amount]).commit()
        rows++
      }
      if (valued) {
        const total = sheet.addRow([...(several ? [block.contract.code] : []), t('bills.files.service_total', { service: line.service }), '', '', null, euros(line.amountExclCents)])
        total.font = { bold: true }
        total.commit()
        rows++
      }
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(rows, 1), column: headers.length } }
  sheet.addRow([]).commit()
  if (rows === 1) sheet.addRow([t('bills.files.no_usage')]).commit()
  if (valued) writeTotals(sheet, priced, t, offset)
  else sheet.addRow([t('bills.files.unvalued')]).commit()
  for (const [label, value] of options.about) sheet.addRow([label, value]).commit()
  sheet.commit()
}

function writeTotals(sheet: ExcelJS.Worksheet, priced: MonthToDate, t: Translate, offset: number) {
  const { totals } = priced
  const at = (label: string, cents: number) => {
    const cells: Array<string | number | null> = Array.from({ length: offset + 5 }, () => null)
    cells[offset] = label
    cells[offset + 4] = euros(cents)
    const row = sheet.addRow(cells)
    row.font = { bold: true }
    row.commit()
  }
  at(t('bills.files.total_excl'), totals.exclCents)
  at(t('bills.files.vat', { rate: String(totals.vatRateBp / 100) }), totals.vatCents)
  at(t('bills.files.total_incl'), totals.inclCents)
}
