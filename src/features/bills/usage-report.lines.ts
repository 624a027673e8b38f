// A month's raw usage lines, service by service and contract by contract,
// read in pages of PAGE_SIZE: the files are written as the pages come, so a
// million lines never sit in memory at once.
import type { Executor } from '../../db/database.js'
import { usagePage, type RawUsageLine, type ReportContract } from './downloads.queries.js'

export const PAGE_SIZE = 5_000

export interface LinesPage {
  contract: ReportContract
  lines: RawUsageLine[]
}

/** The pages of one service's lines in the month, for each contract in turn, in (day, id) order. */
export async function* serviceLinePages(db: Executor, contracts: readonly ReportContract[], service: string, month: string): AsyncGenerator<LinesPage> {
  for (const contract of contracts) {
    let after: { day: string; id: number } | undefined
    for (;;) {
      const lines = await usagePage(db, contract.id, service, month, after, PAGE_SIZE)
      if (lines.length > 0) yield { contract, lines }
      if (lines.length < PAGE_SIZE) break
      const last = lines[lines.length - 1]!
      after = { day: last.day, id: last.id }
    }
  }
}
