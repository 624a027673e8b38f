// One measurement: a page (a list of requests) driven by autocannon against a
// server process, with the server's peak memory during the run.
import autocannon from 'autocannon'
import { memoryKb, resetPeakRss } from './processes.js'

export interface Settings {
  connections: number
  /** Seconds measured. */
  duration: number
  /** Seconds run first and thrown away, so the JIT and caches are warm. */
  warmup: number
}

export interface Target {
  baseUrl: string
  /** The server process, for its memory. */
  pid: number
  requests: Array<{ path: string; headers: Record<string, string> }>
}

export interface Measurement {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Mean size of the response bodies, from the check before the run. */
  bodyBytes: number
  /** Answers other than 2xx, plus connection errors and timeouts: should be 0. */
  failures: number
  peakRssMb: number | undefined
}

const RSS_SAMPLE_MS = 100

export async function measure(target: Target, settings: Settings): Promise<Measurement> {
  const bodyBytes = await checkEveryRequest(target)
  if (settings.warmup > 0) await drive(target, settings.connections, settings.warmup)
  const peak = trackPeakRss(target.pid)
  const result = await drive(target, settings.connections, settings.duration)
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    bodyBytes,
    failures: result.non2xx + result.errors,
    peakRssMb: peak.stop(),
  }
}

// Each URL once, before the run: a 302 to /login or a 404 would be measured
// as a (fast) page otherwise. Returns the mean body size in bytes.
async function checkEveryRequest(target: Target): Promise<number> {
  let total = 0
  for (const request of target.requests) {
    const response = await fetch(target.baseUrl + request.path, { headers: request.headers, redirect: 'manual', signal: AbortSignal.timeout(10_000) })
    const body = Buffer.from(await response.arrayBuffer())
    if (response.status !== 200) throw new Error(`GET ${request.path}: expected 200, got ${response.status}`)
    total += body.length
  }
  return Math.round(total / target.requests.length)
}

function drive(target: Target, connections: number, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: target.baseUrl,
    connections,
    duration: seconds,
    // Cycled in order by every connection: several users and URLs, each request with its user's cookie.
    requests: target.requests.map((request) => ({ method: 'GET', path: request.path, headers: request.headers })),
  })
}

// The kernel's own peak (VmHWM, reset before the run) catches spikes between
// samples; sampling VmRSS is the fallback where the reset is not allowed.
function trackPeakRss(pid: number) {
  const reset = resetPeakRss(pid)
  let sampled = memoryKb(pid, 'VmRSS') ?? 0
  const timer = setInterval(() => {
    sampled = Math.max(sampled, memoryKb(pid, 'VmRSS') ?? 0)
  }, RSS_SAMPLE_MS)
  return {
    stop(): number | undefined {
      clearInterval(timer)
      const peakKb = Math.max(sampled, reset ? memoryKb(pid, 'VmHWM') ?? 0 : 0)
      return peakKb > 0 ? peakKb / 1024 : undefined
    },
  }
}
