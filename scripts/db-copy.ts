// PGPASSWORD=… npm run db:copy -- --from sqlite:<path> --to postgres://user@host/db  (--help)
// Moves a SQLite portal into an empty PostgreSQL database, verified by row
// counts and checksums; exit 0 when committed, 1 otherwise. docs/db-copy.md
// is the operator's step-by-step.
import { parseCopyArguments, USAGE } from '../src/db/copy/arguments.js'
import { copyDatabase } from '../src/db/copy/copy.js'
import { withoutPasswords } from '../src/db/copy/redact.js'
import { CopyRefusal } from '../src/db/copy/refusal.js'
import { formatReport } from '../src/db/copy/report.js'

// Every line goes through withoutPasswords: an error may quote the URL.
const print = (text: string) => console.log(withoutPasswords(text))
const printError = (text: string) => console.error(withoutPasswords(text))

async function main(): Promise<number> {
  const args = parseCopyArguments(process.argv.slice(2))
  if (args === 'help') {
    print(USAGE)
    return 0
  }
  const started = Date.now()
  const result = await copyDatabase({ ...args, log: print })
  print(formatReport(result))
  print(`took ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return result.committed ? 0 : 1
}

main().then(
  (code) => { process.exitCode = code },
  (error: unknown) => {
    if (error instanceof CopyRefusal) printError(`db:copy: ${error.message}`)
    else printError(`db:copy failed, nothing was kept: ${(error as Error).message}\n${(error as Error).stack ?? ''}`)
    process.exitCode = 1
  },
)
