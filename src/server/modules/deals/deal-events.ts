import { EventEmitter } from 'node:events'
import pg from 'pg'
import type { DealEvent } from '../../../shared/deals.schema'
import type { Db } from '../../db/client'
import type { Deps } from '../../deps'

// Live board updates. On PGlite (one process) an in-process emitter is enough. On PostgreSQL
// several app processes may serve one database, so events go through NOTIFY and every process
// LISTENs on one dedicated connection and re-emits locally to its open SSE streams.

const channel = 'suhde_deal_events'
type Bus = { emitter: EventEmitter; client: pg.Client | null; ready: Promise<void> }
const buses = new WeakMap<Db, Bus>()

export type WorkspaceDealEvent = DealEvent & { workspaceId: string }

function busFor(deps: Deps): Bus {
  const existing = buses.get(deps.db)
  if (existing) return existing
  const emitter = new EventEmitter()
  emitter.setMaxListeners(0)
  const url = deps.config.databaseUrl
  let client: pg.Client | null = null
  let ready = Promise.resolve()
  if (deps.engine === 'postgres' && url) {
    const listener = new pg.Client({ connectionString: url })
    client = listener
    listener.on('notification', (msg) => {
      if (msg.channel !== channel || !msg.payload) return
      try {
        emitter.emit('event', JSON.parse(msg.payload) as WorkspaceDealEvent)
      } catch (err) {
        deps.log.warn({ err }, 'bad deal event payload')
      }
    })
    listener.on('error', (err) => deps.log.error({ err }, 'deal event listener failed'))
    ready = listener.connect().then(() => listener.query(`listen ${channel}`).then(() => undefined))
  }
  const bus = { emitter, client, ready }
  buses.set(deps.db, bus)
  return bus
}

/**
 * Sends the events after the writing transaction committed. On PostgreSQL the NOTIFYs go out on
 * this process's listening connection, in order, and the caller does not wait for them: the
 * write is already committed, and a live board refetches anyway. (A NOTIFY inside the writing
 * transaction would hold PostgreSQL's single notify lock through that commit's WAL flush, so
 * concurrent writers would commit one at a time — see docs/decisions.md.)
 */
export async function publishDealEvents(deps: Deps, events: WorkspaceDealEvent[]): Promise<void> {
  if (events.length === 0) return
  const bus = busFor(deps)
  const client = bus.client
  if (!client) {
    for (const e of events) bus.emitter.emit('event', e)
    return
  }
  for (const e of events)
    bus.ready
      .then(() => client.query('select pg_notify($1, $2)', [channel, JSON.stringify(e)]))
      .catch((err: unknown) => deps.log.warn({ err, dealId: e.dealId }, 'deal event not sent'))
}

/** Calls `onEvent` for every event of the pipeline until the returned function is called. */
export async function subscribeDealEvents(
  deps: Deps,
  workspaceId: string,
  pipelineId: string,
  onEvent: (e: DealEvent) => void,
): Promise<() => void> {
  const bus = busFor(deps)
  await bus.ready
  const listener = (e: WorkspaceDealEvent) => {
    if (e.workspaceId !== workspaceId || e.pipelineId !== pipelineId) return
    const { workspaceId: _w, ...event } = e
    onEvent(event)
  }
  bus.emitter.on('event', listener)
  return () => bus.emitter.off('event', listener)
}

export async function closeDealEvents(deps: Deps): Promise<void> {
  const bus = buses.get(deps.db)
  buses.delete(deps.db)
  await bus?.client?.end()
}
