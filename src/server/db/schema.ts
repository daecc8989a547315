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
}
