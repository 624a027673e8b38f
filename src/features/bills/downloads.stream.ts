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
