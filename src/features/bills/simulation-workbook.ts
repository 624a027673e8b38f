// The simulation of the month to date as an Excel workbook (billing
// managers): per service and metric the quantities and amounts, each
// service rounded once, and the totals — the bills page's figures, from the
// same function (monthToDateOf → pricing.ts). Small (one row per metric):
// streamed all the same, through the same writer as the usage report.
import ExcelJS from 'exceljs'
import type { Writable } from 'node:stream'
import type { Executor } from '../../db/database.js'
import type { Translator } from '../../i18n/index.js'
import { utcDay, utcMonth } from '../usage/usage.queries.js'
import type { ReportContract } from './downloads.queries.js'
import { monthToDateOf } from './page.simulation.js'
import { writeSummarySheet } from './usage-report.summary.js'

export interface SimulationInput {
  contract: { code: string; name: string }
  contracts: readonly ReportContract[]
  now: Date
  i18n: Translator
}

export async function writeSimulationWorkbook(db: Executor, input: SimulationInput, output: Writable): Promise<void> {
  const { t, fmt } = input.i18n
  const month = utcMonth(input.now)
  const priced = await monthToDateOf(db, input.contracts, month)
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false })
  workbook.creator = 'Cloud Customer Space'
  writeSummarySheet(workbook, t('bills.files.sheet.simulation'), priced, {
    valued: true, t,
    about: [
      [t('bills.files.about.contract'), `${input.contract.code} – ${input.contract.name}`],
      [t('bills.files.about.period'), t('bills.files.about.period_value', { from: fmt.date(`${month}-01`), to: fmt.date(utcDay(input.now)) })],
      [t('bills.files.about.estimate'), ''],
    ],
  })
  await workbook.commit()
}

/** usage-OCB0000101-2026-10.xlsx, simulation-OCB0000101-2026-11-14.xlsx… */
export function simulationFileName(code: string, now: Date): string {
  return `simulation-${code}-${utcDay(now)}.xlsx`
}
