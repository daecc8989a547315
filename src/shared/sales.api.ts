import type { ApiClient, ListParams } from './api-client'
import type { Page, TimelineEvent } from './common.schema'
import type {
  Board,
  BoardQuery,
  Deal,
  DealCreate,
  DealMove,
  DealScorecard,
  DealUpdate,
  ScorecardAnswers,
  StageStay,
} from './deals.schema'
import type {
  ActivityProgress,
  ActivityTarget,
  ActivityTargetUpsert,
  Coaching,
  ForecastQuery,
  ForecastRow,
  Metrics,
  MetricsQuery,
  Quota,
  QuotaUpsert,
} from './forecast.schema'
import type {
  AssignmentRule,
  Lead,
  LeadConvert,
  LeadCreate,
  LeadUpdate,
  ScoringPreview,
  ScoringRule,
} from './leads.schema'
import type {
  LostReason,
  LostReasonCreate,
  Pipeline,
  PipelineCreate,
  PipelineUpdate,
} from './pipelines.schema'
import type { LineInputBody, Lines, Product, ProductCreate, ProductUpdate } from './products.schema'
import type { Quote, QuoteCreate, QuoteUpdate } from './quotes.schema'

// Typed calls of the sales endpoints, shared by the web app and the CLI.

export const listPipelines = (api: ApiClient) => api.get<{ data: Pipeline[] }>('/pipelines')
export const getPipeline = (api: ApiClient, id: string) => api.get<Pipeline>(`/pipelines/${id}`)
export const createPipeline = (api: ApiClient, input: PipelineCreate) =>
  api.post<Pipeline>('/pipelines', input)
export const updatePipeline = (api: ApiClient, id: string, input: PipelineUpdate) =>
  api.patch<Pipeline>(`/pipelines/${id}`, input)
export const deletePipeline = (api: ApiClient, id: string) => api.delete(`/pipelines/${id}`)
export const getBoard = (api: ApiClient, id: string, q: Partial<BoardQuery>) =>
  api.get<Board>(`/pipelines/${id}/board`, q)
export const pipelineEventsUrl = (api: ApiClient, id: string) => api.url(`/pipelines/${id}/events`)
export const listLostReasons = (api: ApiClient) =>
  api.get<{ data: LostReason[] }>('/pipelines/lost-reasons')
export const createLostReason = (api: ApiClient, input: LostReasonCreate) =>
  api.post<LostReason>('/pipelines/lost-reasons', input)
export const deleteLostReason = (api: ApiClient, id: string) =>
  api.delete(`/pipelines/lost-reasons/${id}`)

export const listDeals = (api: ApiClient, params: ListParams) =>
  api.get<Page<Partial<Deal>>>('/deals', params)
export const getDeal = (api: ApiClient, id: string) => api.get<Deal>(`/deals/${id}`)
export const createDeal = (api: ApiClient, input: DealCreate) => api.post<Deal>('/deals', input)
export const updateDeal = (api: ApiClient, id: string, input: DealUpdate) =>
  api.patch<Deal>(`/deals/${id}`, input)
export const deleteDeal = (api: ApiClient, id: string) => api.delete(`/deals/${id}`)
export const moveDeal = (api: ApiClient, id: string, input: DealMove) =>
  api.post<Deal>(`/deals/${id}/move`, input)
export const dealStageHistory = (api: ApiClient, id: string) =>
  api.get<{ data: StageStay[] }>(`/deals/${id}/stage-history`)
export const getDealScorecard = (api: ApiClient, id: string) =>
  api.get<DealScorecard>(`/deals/${id}/scorecard`)
export const answerDealScorecard = (api: ApiClient, id: string, input: ScorecardAnswers) =>
  api.put<DealScorecard>(`/deals/${id}/scorecard`, input)
export const getDealLines = (api: ApiClient, id: string) => api.get<Lines>(`/deals/${id}/lines`)
export const replaceDealLines = (api: ApiClient, id: string, lines: LineInputBody[]) =>
  api.put<Lines>(`/deals/${id}/lines`, { lines })
export const dealTimeline = (api: ApiClient, id: string, before?: string) =>
  api.get<{ data: TimelineEvent[] }>(`/deals/${id}/timeline`, { before, limit: 50 })

export const listProducts = (api: ApiClient, q: { q?: string; isActive?: 'true' | 'false' } = {}) =>
  api.get<{ data: Product[] }>('/products', q)
export const createProduct = (api: ApiClient, input: ProductCreate) =>
  api.post<Product>('/products', input)
export const updateProduct = (api: ApiClient, id: string, input: ProductUpdate) =>
  api.patch<Product>(`/products/${id}`, input)
export const deleteProduct = (api: ApiClient, id: string) => api.delete(`/products/${id}`)

export const listQuotes = (api: ApiClient, dealId?: string) =>
  api.get<{ data: Quote[] }>('/quotes', { dealId })
export const createQuote = (api: ApiClient, input: QuoteCreate) => api.post<Quote>('/quotes', input)
export const updateQuote = (api: ApiClient, id: string, input: QuoteUpdate) =>
  api.patch<Quote>(`/quotes/${id}`, input)
export const quotePdfUrl = (api: ApiClient, id: string, language?: 'fi' | 'en') =>
  api.url(`/quotes/${id}/pdf`, { language })

export const getForecast = (api: ApiClient, q: Partial<ForecastQuery>) =>
  api.get<{ data: ForecastRow[] }>('/forecast', q)
export const getMetrics = (api: ApiClient, q: MetricsQuery = {}) =>
  api.get<Metrics>('/forecast/metrics', q)
export const listQuotas = (api: ApiClient) => api.get<{ data: Quota[] }>('/targets/quotas')
export const setQuota = (api: ApiClient, input: QuotaUpsert) =>
  api.put<Quota>('/targets/quotas', input)
export const listActivityTargets = (api: ApiClient) =>
  api.get<{ data: ActivityTarget[] }>('/targets/activity')
export const setActivityTarget = (api: ApiClient, userId: string, input: ActivityTargetUpsert) =>
  api.put<ActivityTarget>(`/targets/activity/${userId}`, input)
export const getActivityProgress = (api: ApiClient, weeks = 8) =>
  api.get<ActivityProgress>('/targets/activity/progress', { weeks })
export const getCoaching = (api: ApiClient) => api.get<Coaching>('/targets/coaching')

export const listLeads = (api: ApiClient, q: { status?: string } = {}) =>
  api.get<{ data: Lead[] }>('/leads', q)
export const createLead = (api: ApiClient, input: LeadCreate) => api.post<Lead>('/leads', input)
export const updateLead = (api: ApiClient, id: string, input: LeadUpdate) =>
  api.patch<Lead>(`/leads/${id}`, input)
export const convertLead = (api: ApiClient, id: string, input: LeadConvert) =>
  api.post<{ lead: Lead; contactId: string; companyId: string | null; dealId: string }>(
    `/leads/${id}/convert`,
    input,
  )
export const getScoringRules = (api: ApiClient) =>
  api.get<{ rules: ScoringRule[] }>('/leads/scoring-rules')
export const setScoringRules = (api: ApiClient, rules: ScoringRule[]) =>
  api.put<{ rules: ScoringRule[] }>('/leads/scoring-rules', { rules })
export const getAssignmentRules = (api: ApiClient) =>
  api.get<{ rules: AssignmentRule[] }>('/leads/assignment-rules')
export const setAssignmentRules = (api: ApiClient, rules: AssignmentRule[]) =>
  api.put<{ rules: AssignmentRule[] }>('/leads/assignment-rules', { rules })
export const previewScoringRules = (api: ApiClient, rules: ScoringRule[]) =>
  api.post<ScoringPreview>('/leads/scoring-rules/preview', { rules })
