// Child processes of the bench: each one is tracked from the moment it is
// spawned, so that run.ts can stop all of them whatever happens (an error, a
// failed check, Ctrl-C). Each is spawned in its own process group because
// `npm run …` starts a tree (npm → sh → tsx → node) and killing only the top
// would leave the rest running.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'

export interface Tracked {
  name: string
  child: ChildProcess
  /** Last lines the process printed, shown when it fails. */
  output: string[]
  exited: Promise<number | null>
}

const running = new Set<Tracked>()
const OUTPUT_LINES = 60

export function spawnTracked(name: string, command: string, args: string[], options: SpawnOptions = {}): Tracked {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  const output: string[] = []
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue
      output.push(line)
      if (output.length > OUTPUT_LINES) output.shift()
    }
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code))
    // A spawn failure (e.g. command not found) emits 'error' and never 'exit'.
    child.once('error', (error) => {
      output.push(String(error))
      resolve(-1)
    })
  })
  const tracked: Tracked = { name, child, output, exited }
  running.add(tracked)
  void exited.then(() => running.delete(tracked))
  return tracked
}

/** Runs a command to its end; rejects with its last output lines when it fails. */
export async function runToEnd(name: string, command: string, args: string[], options: SpawnOptions = {}): Promise<Tracked> {
  const tracked = spawnTracked(name, command, args, options)
  const code = await tracked.exited
  if (code !== 0) throw new Error(`${name} failed (exit code ${code}):\n${tracked.output.join('\n')}`)
  return tracked
}

/** SIGTERM to the whole group (graceful: the portal closes its database),
 * then SIGKILL if it is still there after a few seconds. */
export async function stop(tracked: Tracked, graceMs = 5_000): Promise<void> {
  if (tracked.child.exitCode !== null || tracked.child.signalCode !== null || tracked.child.pid === undefined) return
  signalGroup(tracked.child.pid, 'SIGTERM')
  const timer = setTimeout(() => signalGroup(tracked.child.pid!, 'SIGKILL'), graceMs)
  await tracked.exited
  clearTimeout(timer)
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((tracked) => stop(tracked)))
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

/** A port nobody listens on right now (the OS picks it; tiny race accepted). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** Polls `url` until it answers 200, failing early if the process dies. */
export async function waitUntilReady(tracked: Tracked, url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let died = false
  void tracked.exited.then(() => (died = true))
  while (Date.now() < deadline) {
    if (died) throw new Error(`${tracked.name} exited before it was ready:\n${tracked.output.join('\n')}`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${tracked.name} was not ready at ${url} after ${timeoutMs / 1000} s:\n${tracked.output.join('\n')}`)
}

/** Resident memory of a process, from /proc (Linux only; undefined elsewhere). */
export function memoryKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) : undefined
  } catch {
    return undefined
  }
}

/** Resets the kernel's peak-RSS mark (VmHWM), so that each page's run gets its
 * own peak instead of the highest since start. False when not allowed. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}
