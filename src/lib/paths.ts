// The project's folders, found from this file whether it runs from src/ (tsx,
// tests) or from dist/src/ (npm start).
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

function projectRoot(from: string): string {
  let dir = from
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`package.json not found above ${from}`)
    dir = parent
  }
  return dir
}

export const ROOT = projectRoot(import.meta.dirname)
export const VIEWS_DIR = join(ROOT, 'views')
export const PUBLIC_DIR = join(ROOT, 'public')
