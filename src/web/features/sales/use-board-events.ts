import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { pipelineEventsUrl } from '../../../shared/sales.api'
import { api } from '../../lib/api'
import { salesKeys } from './sales.queries'

/** Keeps the board current: any deal event of the pipeline refetches it. */
export function useBoardEvents(pipelineId: string): boolean {
  const qc = useQueryClient()
  const [isLive, setLive] = useState(false)
  useEffect(() => {
    if (!pipelineId || typeof EventSource === 'undefined') return
    const source = new EventSource(pipelineEventsUrl(api, pipelineId), { withCredentials: true })
    const refresh = () => void qc.invalidateQueries({ queryKey: salesKeys.board(pipelineId) })
    source.addEventListener('ready', () => setLive(true))
    for (const type of ['deal.created', 'deal.updated', 'deal.moved', 'deal.deleted'])
      source.addEventListener(type, refresh)
    source.onerror = () => setLive(false)
    return () => {
      source.close()
      setLive(false)
    }
  }, [pipelineId, qc])
  return isLive
}
