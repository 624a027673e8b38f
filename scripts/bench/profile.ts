// A quick reading of a V8 CPU profile (.cpuprofile, from node --cpu-prof):
// where the portal spent its busy time, by function and by package. Enough to
// point at a suspect; open the file in Chrome DevTools for the full picture.
//   npx tsx scripts/bench/profile.ts bench/results/profiles/<file>.cpuprofile
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

interface ProfileNode {
  id: number
  hitCount?: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}

interface CpuProfile {
  nodes: ProfileNode[]
}

export interface Hotspot {
  name: string
  percent: number
}

/** Self time of busy samples (idle left out), grouped by function and by package, highest first. */
export function summarizeProfile(file: string, top = 15): { functions: Hotspot[]; packages: Hotspot[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const busy = profile.nodes.filter((node) => node.callFrame.functionName !== '(idle)' && (node.hitCount ?? 0) > 0)
  const total = busy.reduce((sum, node) => sum + (node.hitCount ?? 0), 0)
  const functions = new Map<string, number>()
  const packages = new Map<string, number>()
  for (const node of busy) {
    const { functionName, url, lineNumber } = node.callFrame
    const where = url ? `${shortUrl(url)}:${lineNumber + 1}` : ''
    add(functions, `${functionName || '(anonymous)'} ${where}`.trim(), node.hitCount ?? 0)
    add(packages, packageOf(url, functionName), node.hitCount ?? 0)
  }
  const ranked = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, hits]) => ({ name, percent: (100 * hits) / Math.max(total, 1) }))
  return { functions: ranked(functions), packages: ranked(packages) }
}

export function formatHotspots(title: string, hotspots: Hotspot[]): string {
  return [title, ...hotspots.map((spot) => `  ${spot.percent.toFixed(1).padStart(5)} %  ${spot.name}`)].join('\n')
}

function add(map: Map<string, number>, key: string, hits: number) {
  map.set(key, (map.get(key) ?? 0) + hits)
}

function shortUrl(url: string): string {
  const inModules = url.lastIndexOf('node_modules/')
  if (inModules >= 0) return url.slice(inModules + 'node_modules/'.length)
  const inDist = url.indexOf('/dist/')
  return inDist >= 0 ? url.slice(inDist + '/dist/'.length) : url.replace(/^file:\/\//, '')
}

// Packages for dependencies, the folder for our own code, V8's pseudo-frames
// ("(garbage collector)", "(program)") as they are.
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName || '(native)'
  if (url.startsWith('node:')) return 'node (built-in)'
  const inModules = url.lastIndexOf('node_modules/')
  if (inModules >= 0) {
    const parts = url.slice(inModules + 'node_modules/'.length).split('/')
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!
  }
  const own = shortUrl(url).split('/')
  return own.length > 2 ? own.slice(0, 3).join('/') : own.join('/')
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2]
  if (!file) {
    console.error('usage: npx tsx scripts/bench/profile.ts <file.cpuprofile>')
    process.exit(1)
  }
  const { functions, packages } = summarizeProfile(file, 25)
  console.log(`${formatHotspots('By package or folder (self time, % of busy samples):', packages)}\n`)
  console.log(formatHotspots('By function:', functions))
}
