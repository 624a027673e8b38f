// Streaming a generated file to the HTTP answer with the headers every file
// of the portal carries: the exact type, an attachment with a safe name, no
// sniffing, no cache (an invoice is private).
import { PassThrough, type Writable } from 'node:stream'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { contentDisposition } from '../documents/file-types.js'

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  zip: 'application/zip',
} as const

export function fileHeaders(reply: FastifyReply, type: keyof typeof CONTENT_TYPES, fileName: string): FastifyReply {
  return reply
    .header('content-type', CONTENT_TYPES[type])
    .header('content-disposition', contentDisposition(fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
}

/** Sends what `produce` writes as the answer, as it is written. A failure
 * once bytes are out can't become an error page: it is logged and the
 * connection cut, so the client sees a broken download, never a wrong file. */
export function streamFile(request: FastifyRequest, reply: FastifyReply, type: keyof typeof CONTENT_TYPES, fileName: string,
  produce: (output: Writable) => Promise<void>): FastifyReply {
  const output = new PassThrough()
  produce(output).then(
    () => { if (!output.writableEnded) output.end() },
    (error: unknown) => {
      request.log.error({ err: error, errorId: request.id }, 'file generation failed')
      output.destroy(error instanceof Error ? error : new Error(String(error)))
    },
  )
  return fileHeaders(reply, type, fileName).send(output)
}

/** Waits while the stream holds more than its high-water mark (the client reads slower than we write). */
export async function untilDrained(stream: Writable): Promise<void> {
  if (stream.destroyed) throw new Error('download interrupted')
  if (!stream.writableNeedDrain) return
  await new Promise<void>((resolve, reject) => {
    const done = () => { stream.off('drain', done); stream.off('close', closed); resolve() }
    const closed = () => { stream.off('drain', done); stream.off('close', closed); reject(new Error('download interrupted')) }
    stream.once('drain', done)
    stream.once('close', closed)
  })
}

/** The zip entry's input, a `readable-stream` PassThrough (archiver's): its buffered bytes are in `_writableState`. */
type EntryInput = Writable & { _writableState?: { length?: number } }

interface SheetStream {
  /** exceljs's StreamBuf: where a committed row's XML goes… */
  buffers?: unknown[]
  /** …and the zip entry it is piped to. */
  pipes?: EntryInput[]
}

/** XML the zip may hold for a sheet before the rows wait. */
const SHEET_BACKLOG_BYTES = 1024 * 1024

const buffered = (pipe: EntryInput) => pipe.writableLength ?? pipe._writableState?.length ?? 0

/** Waits until the zip has taken the rows committed so far. exceljs's sheet
 * stream writes into the zip without heeding backpressure: rows come faster
 * than deflate takes them, and unchecked, a million rows pile up as XML in
 * memory (400 MB measured). Reads exceljs internals (stream/xlsx
 * WorksheetWriter.stream, utils/StreamBuf, archiver's input PassThrough):
 * checked against exceljs 4.4. Once `output` (where the workbook goes) is
 * destroyed — the client gone — the rows will never be taken: it throws
 * rather than poll forever. */
export async function untilSheetFlushed(sheet: unknown, output: Writable): Promise<void> {
  const stream = (sheet as { stream?: SheetStream }).stream
  for (;;) {
    if (output.destroyed) throw new Error('download interrupted')
    const pipes = stream?.pipes ?? []
    const behind = pipes.some((pipe) => buffered(pipe) > SHEET_BACKLOG_BYTES)
    const unpiped = pipes.length === 0 && (stream?.buffers?.length ?? 0) > 16
    if (!behind && !unpiped) return
    // 'drain' isn't promised to a writer that ignored write()'s answer: poll, briefly.
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
