import type { ColumnType, Generated } from 'kysely'

// Row types of the tables, as Kysely sees them. Columns with database defaults are Generated.
type Timestamp = ColumnType<Date, Date | string, Date | string>
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>
// JSON goes in as text (JSON.stringify) and comes out parsed.
type Json<T> = ColumnType<T, string | undefined, string>
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>

export type Address = {
  label?: string | null
  street?: string | null
  postalCode?: string | null
  city?: string | null
  country?: string | null
}
export type EmailEntry = { address: string; label?: string | null; primary?: boolean }
export type PhoneEntry = { number: string; label?: string | null }
export type FieldChange = { field: string; old: unknown; new: unknown }

export type WorkspacesTable = {
  id: string
  name: string
  currency: Generated<string>
  time_zone: Generated<string>
  language: Generated<string>
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

export type UsersTable = {
  id: string
  email: string
  name: string
  password_hash: string | null
  language: string | null
  is_active: Generated<boolean>
  password_generated: Generated<boolean>
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

export type MembershipsTable = {
  workspace_id: string
  user_id: string
  role: string
  scope: Generated<string>
  created_at: DefaultTimestamp
}

export type TeamsTable = {
  workspace_id: string
  id: string
  name: string
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

export type TeamMembersTable = { workspace_id: string; team_id: string; user_id: string }

export type SessionsTable = {
  id: string
  user_id: string
  workspace_id: string
  created_at: DefaultTimestamp
  last_seen_at: DefaultTimestamp
  expires_at: Timestamp
  ip: string | null
  user_agent: string | null
}

export type ApiKeysTable = {
  workspace_id: string
  id: string
  name: string
  prefix: string
  key_hash: string
  scopes: string[]
  created_by: string
  created_at: DefaultTimestamp
  expires_at: NullableTimestamp
  last_used_at: NullableTimestamp
  revoked_at: NullableTimestamp
}

export type InvitationsTable = {
  workspace_id: string
  id: string
  email: string
  role: string
  scope: Generated<string>
  token_hash: string
  expires_at: Timestamp
  accepted_at: NullableTimestamp
  created_by: string | null
  created_at: DefaultTimestamp
}

export type PasswordResetsTable = {
  workspace_id: string
  id: string
  user_id: string
  token_hash: string
  expires_at: Timestamp
  used_at: NullableTimestamp
  created_by: string | null
  created_at: DefaultTimestamp
}

export type CompaniesTable = {
  workspace_id: string
  id: string
  name: string
  business_id: string | null
  vat_id: string | null
  domain: string | null
  industry: string | null
  size: string | null
  addresses: Json<Address[]>
  tier: string | null
  lifecycle_stage: string | null
  owner_id: string | null
  parent_id: string | null
  custom: Json<Record<string, unknown>>
  search_text: string
  created_by: string | null
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
  deleted_at: NullableTimestamp
}

export type ContactsTable = {
  workspace_id: string
  id: string
  first_name: string | null
  last_name: string | null
  emails: Json<EmailEntry[]>
  phones: Json<PhoneEntry[]>
  title: string | null
  language: string | null
  birth_date: string | null
  gender: string | null
  interests: Generated<string[]>
  address: NullableJson<Address>
  lifecycle_stage: string | null
  owner_id: string | null
  source: Json<Record<string, unknown>>
  custom: Json<Record<string, unknown>>
  search_text: string
  created_by: string | null
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
  deleted_at: NullableTimestamp
  /** When the person was erased (GDPR); null for everyone else. */
  erased_at: NullableTimestamp
}

export type ContactCompaniesTable = {
  workspace_id: string
  contact_id: string
  company_id: string
  role: string | null
  is_primary: Generated<boolean>
  created_at: DefaultTimestamp
}

export type TagsTable = {
  workspace_id: string
  id: string
  name: string
  color: string | null
  created_at: DefaultTimestamp
}
export type CompanyTagsTable = { workspace_id: string; company_id: string; tag_id: string }
export type ContactTagsTable = { workspace_id: string; contact_id: string; tag_id: string }

export type ActivitiesTable = {
  workspace_id: string
  id: string
  type: string
  subject: string
  body: string | null
  occurred_at: NullableTimestamp
  due_at: NullableTimestamp
  done_at: NullableTimestamp
  duration_minutes: number | null
  assignee_id: string | null
  company_id: string | null
  contact_id: string | null
  custom: Json<Record<string, unknown>>
  search_text: string
  created_by: string | null
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
  deleted_at: NullableTimestamp
}

export type CustomFieldDefinitionsTable = {
  workspace_id: string
  id: string
  object_type: string
  key: string
  label_fi: string
  label_en: string
  type: string
  options: Json<{ value: string; labelFi: string; labelEn: string }[]>
  is_required: Generated<boolean>
  position: Generated<number>
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

export type TimelineEventsTable = {
  workspace_id: string
  id: string
  object_type: string
  record_id: string
  event_type: string
  changes: NullableJson<FieldChange[]>
  data: NullableJson<Record<string, unknown>>
  actor_user_id: string | null
  actor_api_key_id: string | null
  request_id: string | null
  created_at: DefaultTimestamp
}

export type AuditLogTable = {
  workspace_id: string
  id: string
  action: string
  object_type: string
  record_id: string | null
  record_count: number | null
  actor_user_id: string | null
  actor_api_key_id: string | null
  request_id: string | null
  ip: string | null
  details: NullableJson<Record<string, unknown>>
  created_at: DefaultTimestamp
}

export type JobsTable = {
  id: string
  workspace_id: string | null
  type: string
  payload: Json<Record<string, unknown>>
  status: Generated<string>
  progress: Json<Record<string, unknown>>
  attempts: Generated<number>
  run_at: DefaultTimestamp
  locked_until: NullableTimestamp
  last_error: string | null
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
  /** The claim holding the lease (a new id per claim); null when the job is free. */
  lease_owner: Generated<string | null>
}

export type SavedViewsTable = {
  workspace_id: string
  id: string
  object_type: string
  name: string
  owner_id: string
  is_shared: Generated<boolean>
  query: Json<Record<string, unknown>>
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

export type MaintenanceStateTable = {
  key: string
  value: Json<Record<string, unknown>>
  updated_at: DefaultTimestamp
}

// Privacy (GDPR-1..5), migration 20261123070000_privacy.
export type PurposesTable = {
  workspace_id: string
  id: string
  key: string
  legal_basis: string
  channels: string[]
  name_fi: string
  name_en: string
  description_fi: Generated<string>
  description_en: Generated<string>
  text_version: Generated<number>
  requires_double_opt_in: Generated<boolean>
  data_categories: Generated<string[]>
  recipients: Generated<string[]>
  retention_period: Generated<string>
  is_active: Generated<boolean>
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

export type ConsentEventsTable = {
  workspace_id: string
  id: string
  contact_id: string
  purpose_id: string
  status: string
  channels: string[]
  occurred_at: Timestamp
  source: string
  text_version: number | null
  ip: string | null
  user_agent: string | null
  confirmed_at: NullableTimestamp
  note: string | null
  actor_user_id: string | null
  actor_api_key_id: string | null
  created_at: DefaultTimestamp
}

export type PrivacyLinksTable = {
  workspace_id: string
  id: string
  token_hash: string
  contact_id: string
  kind: string
  purpose_id: string | null
  consent_event_id: string | null
  expires_at: Timestamp
  used_at: NullableTimestamp
  revoked_at: NullableTimestamp
  created_by: string | null
  created_at: DefaultTimestamp
}

export type PrivacyRequestsTable = {
  workspace_id: string
  id: string
  contact_id: string | null
  type: string
  status: Generated<string>
  channel: Generated<string>
  received_at: Timestamp
  due_at: Timestamp
  completed_at: NullableTimestamp
  handler_id: string | null
  evidence: Generated<string>
  notes: Generated<string>
  created_by: string | null
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

export type ErasedSubjectsTable = {
  workspace_id: string
  id: string
  contact_id: string | null
  kind: string
  value_hash: string | null
  reason: Generated<string>
  erased_at: DefaultTimestamp
}

export type RetentionPoliciesTable = {
  workspace_id: string
  id: string
  name: string
  object_type: Generated<string>
  lifecycle_stage: string | null
  inactive_months: number
  action: Generated<string>
  is_active: Generated<boolean>
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

export type RetentionRunsTable = {
  workspace_id: string
  id: string
  policy_id: string
  trigger: string
  started_at: DefaultTimestamp
  finished_at: NullableTimestamp
  affected_count: Generated<number>
  record_ids: Generated<string[]>
  status: Generated<string>
  error: string | null
}

// Sales (20261123060000_sales.sql). numeric columns come back as strings.
export type PipelinesTable = {
  workspace_id: string
  id: string
  name: string
  position: Generated<number>
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
  deleted_at: NullableTimestamp
}
export type PipelineStagesTable = {
  workspace_id: string
  id: string
  pipeline_id: string
  name: string
  position: number
  probability: number
  rotting_days: number | null
  required_fields: ColumnType<string[], string[] | undefined, string[]>
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}
export type ScorecardCriteriaTable = {
  workspace_id: string
  id: string
  pipeline_id: string
  key: string
  name: string
  description: string | null
  weight: number
  options: Json<{ key: string; label: string; points: number }[]>
  position: Generated<number>
  created_at: DefaultTimestamp
}
export type StageGateCriteriaTable = {
  workspace_id: string
  stage_id: string
  criterion_id: string
}
export type LostReasonsTable = {
  workspace_id: string
  id: string
  name: string
  position: Generated<number>
  is_active: Generated<boolean>
  created_at: DefaultTimestamp
}
export type DealsTable = {
  workspace_id: string
  id: string
  title: string
  pipeline_id: string
  stage_id: string
  position: Generated<number>
  amount: number
  currency: string
  expected_close_date: string | null
  probability: number | null
  forecast_category: string | null
  status: Generated<string>
  lost_reason_id: string | null
  lost_note: string | null
  closed_at: NullableTimestamp
  owner_id: string | null
  company_id: string | null
  score: number | null
  stage_entered_at: DefaultTimestamp
  last_activity_at: DefaultTimestamp
  custom: Json<Record<string, unknown>>
  search_text: Generated<string>
  created_by: string | null
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
  deleted_at: NullableTimestamp
}
export type DealContactsTable = {
  workspace_id: string
  deal_id: string
  contact_id: string
  buying_role: string | null
  created_at: DefaultTimestamp
}
export type DealStageHistoryTable = {
  workspace_id: string
  id: string
  deal_id: string
  pipeline_id: string
  stage_id: string
  entered_at: Timestamp
  left_at: NullableTimestamp
  entered_by: string | null
  left_by: string | null
}
export type DealScorecardAnswersTable = {
  workspace_id: string
  deal_id: string
  criterion_id: string
  option_key: string
  points: number
  answered_by: string | null
  answered_at: DefaultTimestamp
}
export type ProductsTable = {
  workspace_id: string
  id: string
  name: string
  sku: string | null
  description: string | null
  unit: string | null
  unit_price: number
  currency: string
  vat_rate: ColumnType<string, string | number | undefined, string | number>
  is_active: Generated<boolean>
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
  deleted_at: NullableTimestamp
}
type LineColumns = {
  workspace_id: string
  id: string
  product_id: string | null
  name: string
  quantity: ColumnType<string, string | number, string | number>
  unit_price: number
  discount_percent: ColumnType<string, string | number | undefined, string | number>
  vat_rate: ColumnType<string, string | number, string | number>
  position: Generated<number>
}
export type DealLinesTable = LineColumns & { deal_id: string }
export type QuoteLinesTable = LineColumns & { quote_id: string }
export type QuotesTable = {
  workspace_id: string
  id: string
  deal_id: string
  number: number
  title: string
  status: Generated<string>
  language: Generated<string>
  currency: string
  valid_until: string | null
  notes: string | null
  net_total: Generated<number>
  vat_total: Generated<number>
  gross_total: Generated<number>
  sent_at: NullableTimestamp
  decided_at: NullableTimestamp
  created_by: string | null
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
  deleted_at: NullableTimestamp
}
export type SalesCountersTable = { workspace_id: string; name: string; value: number }
export type QuotasTable = {
  workspace_id: string
  id: string
  user_id: string
  period: string
  period_start: string
  amount: number
  currency: string
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}
export type ActivityTargetsTable = {
  workspace_id: string
  user_id: string
  calls: Generated<number>
  meetings: Generated<number>
  emails: Generated<number>
  new_deals: Generated<number>
  updated_at: DefaultTimestamp
}
export type LeadsTable = {
  workspace_id: string
  contact_id: string
  status: Generated<string>
  source: string | null
  company_name: string | null
  industry: string | null
  region: string | null
  company_size: string | null
  fit_score: Generated<number>
  engagement_score: Generated<number>
  assigned_team_id: string | null
  converted_company_id: string | null
  converted_deal_id: string | null
  converted_at: NullableTimestamp
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}
export type LeadScoringRulesTable = {
  workspace_id: string
  id: string
  kind: string
  field: string
  value: string | null
  points: number
  max_points: number | null
  created_at: DefaultTimestamp
}
export type LeadAssignmentRulesTable = {
  workspace_id: string
  id: string
  position: Generated<number>
  kind: string
  match_field: string | null
  match_value: string | null
  team_id: string | null
  user_id: string | null
  last_assigned_user_id: string | null
  created_at: DefaultTimestamp
}

export type ImportsTable = {
  workspace_id: string
  id: string
  object_type: string
  filename: string
  format: string
  encoding: string | null
  delimiter: string | null
  sheet: string | null
  file_size: number
  headers: Json<string[]>
  mapping: Json<Record<string, string>>
  dedupe_rule: Generated<string>
  match_action: Generated<string>
  status: Generated<string>
  created_count: Generated<number>
  updated_count: Generated<number>
  skipped_count: Generated<number>
  failed_count: Generated<number>
  rows_done: Generated<number>
  rows_total: Generated<number>
  last_error: string | null
  locked_until: NullableTimestamp
  created_by: string | null
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
  started_at: NullableTimestamp
  finished_at: NullableTimestamp
  undo_until: DefaultTimestamp
  undone_at: NullableTimestamp
  sheets: Json<string[]>
  warnings: Json<string[]>
  flagged_count: Generated<number>
  lease_owner: string | null
  created_tag_ids: Generated<string[]>
}

export type ImportFilePartsTable = {
  workspace_id: string
  import_id: string
  part: number
  data: Uint8Array
}

export type ImportRowsTable = {
  workspace_id: string
  import_id: string
  row_number: number
  raw: Json<string[]>
  outcome: string
  object_type: string | null
  record_id: string | null
  company_id: string | null
  company_created: Generated<boolean>
  old_values: NullableJson<Record<string, unknown>>
  error: string | null
  reason: string | null
  /** ImportProblem[] (shared/import-problems.ts); null for rows stored before codes were kept. */
  problems: NullableJson<unknown[]>
  added_tag_ids: string[] | null
  link_added: Generated<boolean>
}

export type ImportMappingTemplatesTable = {
  workspace_id: string
  id: string
  name: string
  object_type: string
  mapping: Json<Record<string, string>>
  created_by: string | null
  created_at: DefaultTimestamp
}

export type DuplicateCandidatesTable = {
  workspace_id: string
  id: string
  object_type: string
  record_a: string
  record_b: string
  score: number
  reasons: Json<Record<string, unknown>[]>
  status: Generated<string>
  scan_id: string | null
  found_at: DefaultTimestamp
  decided_by: string | null
  decided_at: NullableTimestamp
}

export type MergesTable = {
  workspace_id: string
  id: string
  object_type: string
  survivor_id: string
  merged_ids: string[]
  fields: Json<Record<string, string>>
  moved: Json<Record<string, number>>
  created_by: string | null
  created_at: DefaultTimestamp
}

export type MergedRecordsTable = {
  workspace_id: string
  object_type: string
  record_id: string
  survivor_id: string
  merge_id: string
}

export type Database = {
  workspaces: WorkspacesTable
  users: UsersTable
  memberships: MembershipsTable
  teams: TeamsTable
  team_members: TeamMembersTable
  sessions: SessionsTable
  api_keys: ApiKeysTable
  invitations: InvitationsTable
  password_resets: PasswordResetsTable
  companies: CompaniesTable
  contacts: ContactsTable
  contact_companies: ContactCompaniesTable
  tags: TagsTable
  company_tags: CompanyTagsTable
  contact_tags: ContactTagsTable
  activities: ActivitiesTable
  custom_field_definitions: CustomFieldDefinitionsTable
  timeline_events: TimelineEventsTable
  audit_log: AuditLogTable
  jobs: JobsTable
  maintenance_state: MaintenanceStateTable
  saved_views: SavedViewsTable
  purposes: PurposesTable
  consent_events: ConsentEventsTable
  privacy_links: PrivacyLinksTable
  privacy_requests: PrivacyRequestsTable
  erased_subjects: ErasedSubjectsTable
  retention_policies: RetentionPoliciesTable
  retention_runs: RetentionRunsTable
  pipelines: PipelinesTable
  pipeline_stages: PipelineStagesTable
  scorecard_criteria: ScorecardCriteriaTable
  stage_gate_criteria: StageGateCriteriaTable
  lost_reasons: LostReasonsTable
  deals: DealsTable
  deal_contacts: DealContactsTable
  deal_stage_history: DealStageHistoryTable
  deal_scorecard_answers: DealScorecardAnswersTable
  products: ProductsTable
  deal_lines: DealLinesTable
  quotes: QuotesTable
  quote_lines: QuoteLinesTable
  sales_counters: SalesCountersTable
  quotas: QuotasTable
  activity_targets: ActivityTargetsTable
  leads: LeadsTable
  lead_scoring_rules: LeadScoringRulesTable
  lead_assignment_rules: LeadAssignmentRulesTable
  imports: ImportsTable
  import_rows: ImportRowsTable
  import_file_parts: ImportFilePartsTable
  import_mapping_templates: ImportMappingTemplatesTable
  duplicate_candidates: DuplicateCandidatesTable
  merges: MergesTable
  merged_records: MergedRecordsTable
}
