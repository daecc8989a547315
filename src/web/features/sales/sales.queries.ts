import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  BoardQuery,
  DealCreate,
  DealMove,
  DealUpdate,
  ScorecardAnswers,
} from '../../../shared/deals.schema'
import type { LeadConvert, LeadCreate } from '../../../shared/leads.schema'
import type { PipelineCreate, PipelineUpdate } from '../../../shared/pipelines.schema'
import type { LineInputBody, ProductCreate, ProductUpdate } from '../../../shared/products.schema'
import type { QuoteCreate, QuoteUpdate } from '../../../shared/quotes.schema'
import * as sales from '../../../shared/sales.api'
import { api } from '../../lib/api'

export const salesKeys = {
  pipelines: ['pipelines'] as const,
  board: (id: string) => ['board', id] as const,
  deal: (id: string) => ['deal', id] as const,
  products: ['products'] as const,
  quotes: (dealId: string) => ['quotes', dealId] as const,
  leads: ['leads'] as const,
}

export const usePipelines = () =>
  useQuery({
    queryKey: salesKeys.pipelines,
    queryFn: async () => (await sales.listPipelines(api)).data,
  })

export const useBoard = (id: string, q: Partial<BoardQuery>) =>
  useQuery({
    queryKey: [...salesKeys.board(id), q],
    queryFn: () => sales.getBoard(api, id, q),
    enabled: !!id,
  })

export function useSavePipeline() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (v: { id?: string; input: PipelineCreate | PipelineUpdate }) =>
      v.id
        ? sales.updatePipeline(api, v.id, v.input)
        : sales.createPipeline(api, v.input as PipelineCreate),
    onSuccess: () => void qc.invalidateQueries({ queryKey: salesKeys.pipelines }),
  })
}

export function useMoveDeal(pipelineId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (v: { id: string } & DealMove) =>
      sales.moveDeal(api, v.id, { stageId: v.stageId, position: v.position }),
    onSettled: () => void qc.invalidateQueries({ queryKey: salesKeys.board(pipelineId) }),
  })
}

export function useCreateDeal() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: DealCreate) => sales.createDeal(api, input),
    onSuccess: (d) => void qc.invalidateQueries({ queryKey: salesKeys.board(d.pipelineId) }),
  })
}

export const useDeal = (id: string) =>
  useQuery({ queryKey: salesKeys.deal(id), queryFn: () => sales.getDeal(api, id) })

export function useDealPart<T>(id: string, part: string, fn: () => Promise<T>) {
  return useQuery({ queryKey: [...salesKeys.deal(id), part], queryFn: fn })
}

export function useUpdateDeal(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: DealUpdate) => sales.updateDeal(api, id, input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: salesKeys.deal(id) }),
  })
}

export function useAnswerScorecard(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: ScorecardAnswers) => sales.answerDealScorecard(api, id, input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: salesKeys.deal(id) }),
  })
}

export function useReplaceLines(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (lines: LineInputBody[]) => sales.replaceDealLines(api, id, lines),
    onSuccess: () => void qc.invalidateQueries({ queryKey: salesKeys.deal(id) }),
  })
}

export const useProducts = () =>
  useQuery({
    queryKey: salesKeys.products,
    queryFn: async () => (await sales.listProducts(api)).data,
  })

export function useSaveProduct() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (v: { id?: string; input: ProductCreate | ProductUpdate }) =>
      v.id
        ? sales.updateProduct(api, v.id, v.input)
        : sales.createProduct(api, v.input as ProductCreate),
    onSuccess: () => void qc.invalidateQueries({ queryKey: salesKeys.products }),
  })
}

export const useQuotes = (dealId: string) =>
  useQuery({
    queryKey: salesKeys.quotes(dealId),
    queryFn: async () => (await sales.listQuotes(api, dealId)).data,
  })

export function useSaveQuote(dealId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (v: { id?: string; input: QuoteCreate | QuoteUpdate }) =>
      v.id
        ? sales.updateQuote(api, v.id, v.input as QuoteUpdate)
        : sales.createQuote(api, v.input as QuoteCreate),
    onSuccess: () => void qc.invalidateQueries({ queryKey: salesKeys.quotes(dealId) }),
  })
}

export const useLeads = () =>
  useQuery({ queryKey: salesKeys.leads, queryFn: async () => (await sales.listLeads(api)).data })

export function useCreateLead() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: LeadCreate) => sales.createLead(api, input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: salesKeys.leads }),
  })
}

export function useConvertLead() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (v: { id: string; input: LeadConvert }) => sales.convertLead(api, v.id, v.input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: salesKeys.leads }),
  })
}
