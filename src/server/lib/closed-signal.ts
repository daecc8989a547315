import type { FastifyReply } from 'fastify'

/**
 * Aborted when the client closes the connection before the answer is written: a search box or
 * a list's quick search aborts the request of text typed past, and the costlier reads after the
 * first can be skipped for an answer nobody waits for.
 */
export function closedSignal(reply: FastifyReply): AbortSignal {
  const closed = new AbortController()
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) closed.abort()
  })
  return closed.signal
}
