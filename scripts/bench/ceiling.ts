// The ceiling: the fastest this machine serves an HTML page of a given size
// with our stack and nothing else (no session, no database, no plugins).
// run.ts starts it as its own process, from the build (dist/), with
// PORT, HOST and BYTES (the size of the portal's dashboard in the same run).
// Each request renders an Eta template, as the portal does, so the ratio
// "page ÷ ceiling" is what the portal adds on top of Fastify + Eta.
import { Eta } from 'eta'
import Fastify from 'fastify'

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title><%= it.title %></title></head>
<body>
<main>
<h1><%= it.title %></h1>
<table>
<tbody>
<% for (const row of it.rows) { %><tr><td><a href="/contracts/<%= row.code %>"><%= row.code %></a></td><td><%= row.name %></td><td><%= row.offer %></td></tr>
<% } %></tbody>
</table>
<p hidden><%= it.padding %></p>
</main>
</body>
</html>
`

interface Row {
  code: string
  name: string
  offer: string
}

function main() {
  const port = Number(process.env.PORT ?? 3100)
  const host = process.env.HOST ?? '127.0.0.1'
  const bytes = Number(process.env.BYTES ?? 21_000)
  const eta = new Eta({ autoEscape: true, autoTrim: false, cache: true })
  // Compiled once, like the portal's templates in production (cache on).
  const template = eta.compile(PAGE)
  const render = (it: object) => eta.render(template, it)
  const data = dataOfSize(bytes, render)

  const app = Fastify({ logger: false })
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(render(data)))
  app.get('/readyz', async () => ({ status: 'ready' }))
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
  app.listen({ port, host }).catch((error: unknown) => {
    process.stderr.write(`ceiling: ${String(error)}\n`)
    process.exit(1)
  })
}

// Rows like the dashboard's, then ASCII padding to hit the size to the byte.
function dataOfSize(bytes: number, render: (it: object) => string) {
  const rows: Row[] = []
  const data = { title: 'Contracts', rows, padding: '' }
  while (Buffer.byteLength(render(data)) < bytes) {
    const n = rows.length + 1
    rows.push({ code: `OCB${String(1_000_000 + n).padStart(7, '0')}`, name: `Contract number ${n}`, offer: 'Flexible Engine' })
  }
  if (rows.length > 0 && Buffer.byteLength(render(data)) > bytes) rows.pop()
  data.padding = 'x'.repeat(Math.max(0, bytes - Buffer.byteLength(render(data))))
  return data
}

main()
