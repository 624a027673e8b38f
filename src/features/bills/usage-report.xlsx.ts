// The month's usage report as an Excel workbook, STREAMED: a Summary sheet
// (from the monthly roll-up, priced by pricing.ts), then one sheet per
// service with its raw lines, read page by page and committed row by row
// into exceljs's streaming writer. Only one sheet is open at a time (the
// writer zips sheets in order: an open second sheet would buffer), and
// between pages the writer waits for the zip to take the rows (exceljs
// doesn't) and for the HTTP socket to take the zip, so memory stays flat
// whatever the number of lines.
import ExcelJS from 'exceljs'
import type { Writable } from 'node:stream'
import type { Executor } from '../../db/database.js'
import type { Translate } from '../../i18n/index.js'
import type { ReportContract } from './downloads.queries.js'
import { monthToDateOf } from './page.simulation.js'
import { NUMBER_FORMATS, reportColumns, type ReportColumn } from './usage-report.columns.js'
import { serviceLinePages } from './usage-report.lines.js'
import { writeSummarySheet } from './usage-report.summary.js'
import { sheetNames } from './usage-report.sheet-names.js'
import { untilDrained, untilSheetFlushed } from './downloads.stream.js'

export interface UsageReportInput {
  contract: { code: string; name: string }
  contracts: readonly ReportContract[]
  month: string
  valued: boolean
  t: Translate
}

export async function writeUsageWorkbook(db: Executor, input: UsageReportInput, output: Writable): Promise<void> {
  const { t } = input
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false })
  workbook.creator = 'Cloud Customer Space'
  const priced = await monthToDateOf(db, input.contracts, input.month)
  const services = [...new Set(priced.blocks.flatMap((block) => block.lines.map((line) => line.service)))].sort((a, b) => a.localeCompare(b))
  const names = sheetNames(t('bills.files.sheet.summary'), services)
  writeSummarySheet(workbook, names.summary, priced, {
    valued: input.valued, t,
    about: [[t('bills.files.about.contract'), `${input.contract.code} – ${input.contract.name}`], [t('bills.files.about.month'), input.month]],
  })
  const columns = reportColumns({ valued: input.valued, severalContracts: input.contracts.length > 1 })
  for (const service of services) {
    await writeServiceSheet(db, workbook, names.services.get(service)!, { ...input, service, columns }, output)
  }
  await workbook.commit()
}

async function writeServiceSheet(db: Executor, workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string,
  input: UsageReportInput & { service: string; columns: ReportColumn[] }, output: Writable) {
  const { columns } = input
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((column) => ({ header: input.t(column.header), width: column.width, style: column.kind === 'text' ? {} : { numFmt: NUMBER_FORMATS[column.kind] } }))
  sheet.getRow(1).font = { bold: true }
  let rows = 1
  for await (const page of serviceLinePages(db, input.contracts, input.service, input.month)) {
    const context = { contractCode: page.contract.code, service: input.service }
    for (const line of page.lines) {
      sheet.addRow(columns.map((column) => cellValue(column, column.value(line, context)))).commit()
    }
    rows += page.lines.length
    await untilSheetFlushed(sheet, output)
    await untilDrained(output)
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows, column: columns.length } }
  sheet.commit()
}

/** A day becomes a real Excel date (midnight UTC: exceljs counts days in UTC). */
function cellValue(column: ReportColumn, value: string | number): string | number | Date {
  return column.kind === 'date' ? new Date(`${value}T00:00:00Z`) : value
}
