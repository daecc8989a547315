import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../deps'
import { actorOf } from '../../plugins/auth'
import { getPipeline } from '../pipelines/pipelines.service'
import { subscribeDealEvents } from './deal-events'

const heartbeatMs = 25_000

/** text/event-stream of one pipeline's deal events; the board refetches what changed. */
export async function streamPipelineEvents(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  pipelineId: string,
): Promise<void> {
  const actor = actorOf(req)
  await getPipeline(deps, actor, pipelineId)
  reply.hijack()
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': req.id,
  })
  const unsubscribe = await subscribeDealEvents(deps, actor.workspaceId, pipelineId, (e) => {
    reply.raw.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`)
  })
  reply.raw.write(`retry: 3000\nevent: ready\ndata: {}\n\n`)
  const heartbeat = setInterval(() => reply.raw.write(': ping\n\n'), heartbeatMs)
  req.raw.on('close', () => {
    clearInterval(heartbeat)
    unsubscribe()
  })
}
