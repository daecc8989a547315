-- Foundation schema: workspaces, people who sign in, the customer data and its history.
-- Tenant tables carry workspace_id in their primary key and in every foreign key, so the
-- database itself refuses a link across workspaces.

create extension if not exists pg_trgm;
create extension if not exists unaccent;

create table workspaces (
  id uuid primary key,
  name text not null,
  currency text not null default 'EUR',
  time_zone text not null default 'Europe/Helsinki',
  language text not null default 'fi' check (language in ('fi', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table users (
  id uuid primary key,
  email text not null,
  name text not null,
  password_hash text,
  language text check (language in ('fi', 'en')),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

create table memberships (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('admin', 'manager', 'sales', 'marketing', 'service', 'read-only')),
  scope text not null default 'all' check (scope in ('own', 'team', 'all')),
  created_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);
create index memberships_user_idx on memberships (user_id);

create table teams (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create unique index teams_name_key on teams (workspace_id, lower(name));

create table team_members (
  workspace_id uuid not null,
  team_id uuid not null,
  user_id uuid not null,
  primary key (workspace_id, team_id, user_id),
  foreign key (workspace_id, team_id) references teams (workspace_id, id) on delete cascade,
  foreign key (workspace_id, user_id) references memberships (workspace_id, user_id) on delete cascade
);
create index team_members_user_idx on team_members (workspace_id, user_id);

create table sessions (
  id text primary key, -- sha-256 of the cookie token; the token itself is never stored
  user_id uuid not null references users (id) on delete cascade,
  workspace_id uuid not null references workspaces (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);

create table api_keys (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  name text not null,
  prefix text not null unique,
  key_hash text not null,
  scopes text[] not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (workspace_id, id)
);

create table companies (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  name text not null,
  business_id text,
  vat_id text,
  domain text,
  industry text,
  size text,
  addresses jsonb not null default '[]',
  tier text check (tier in ('A', 'B', 'C')),
  lifecycle_stage text check (lifecycle_stage in ('lead', 'prospect', 'customer', 'former')),
  owner_id uuid,
  parent_id uuid,
  custom jsonb not null default '{}',
  search_text text not null default '',
  search_vector tsvector generated always as (
    to_tsvector('finnish', search_text) || to_tsvector('english', search_text)
  ) stored,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, owner_id) references memberships (workspace_id, user_id) on delete set null (owner_id),
  foreign key (workspace_id, parent_id) references companies (workspace_id, id) on delete set null (parent_id)
);
create index companies_updated_idx on companies (workspace_id, updated_at desc, id desc) where deleted_at is null;
create index companies_name_idx on companies (workspace_id, name, id) where deleted_at is null;
create index companies_owner_idx on companies (workspace_id, owner_id);
create index companies_parent_idx on companies (workspace_id, parent_id);
create index companies_business_id_idx on companies (workspace_id, business_id) where business_id is not null;
create index companies_domain_idx on companies (workspace_id, domain) where domain is not null;
create index companies_search_trgm_idx on companies using gin (search_text gin_trgm_ops);
create index companies_search_fts_idx on companies using gin (search_vector);
create index companies_custom_idx on companies using gin (custom jsonb_path_ops);

create table contacts (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  first_name text,
  last_name text,
  emails jsonb not null default '[]',
  phones jsonb not null default '[]',
  title text,
  language text,
  birth_date date,
  gender text,
  interests text[] not null default '{}',
  address jsonb,
  lifecycle_stage text check (lifecycle_stage in ('lead', 'prospect', 'customer', 'former')),
  owner_id uuid,
  source jsonb not null default '{}',
  custom jsonb not null default '{}',
  search_text text not null default '',
  search_vector tsvector generated always as (
    to_tsvector('finnish', search_text) || to_tsvector('english', search_text)
  ) stored,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, owner_id) references memberships (workspace_id, user_id) on delete set null (owner_id)
);
create index contacts_updated_idx on contacts (workspace_id, updated_at desc, id desc) where deleted_at is null;
create index contacts_last_name_idx on contacts (workspace_id, last_name, id) where deleted_at is null;
create index contacts_owner_idx on contacts (workspace_id, owner_id);
create index contacts_emails_idx on contacts using gin (emails jsonb_path_ops);
create index contacts_phones_idx on contacts using gin (phones jsonb_path_ops);
create index contacts_search_trgm_idx on contacts using gin (search_text gin_trgm_ops);
create index contacts_search_fts_idx on contacts using gin (search_vector);
create index contacts_custom_idx on contacts using gin (custom jsonb_path_ops);

create table contact_companies (
  workspace_id uuid not null,
  contact_id uuid not null,
  company_id uuid not null,
  role text,
  is_primary boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (workspace_id, contact_id, company_id),
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade,
  foreign key (workspace_id, company_id) references companies (workspace_id, id) on delete cascade
);
create index contact_companies_company_idx on contact_companies (workspace_id, company_id);
create unique index contact_companies_one_primary on contact_companies (workspace_id, contact_id) where is_primary;

create table tags (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  name text not null,
  color text,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create unique index tags_name_key on tags (workspace_id, lower(name));

create table company_tags (
  workspace_id uuid not null,
  company_id uuid not null,
  tag_id uuid not null,
  primary key (workspace_id, company_id, tag_id),
  foreign key (workspace_id, company_id) references companies (workspace_id, id) on delete cascade,
  foreign key (workspace_id, tag_id) references tags (workspace_id, id) on delete cascade
);
create index company_tags_tag_idx on company_tags (workspace_id, tag_id);

create table contact_tags (
  workspace_id uuid not null,
  contact_id uuid not null,
  tag_id uuid not null,
  primary key (workspace_id, contact_id, tag_id),
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade,
  foreign key (workspace_id, tag_id) references tags (workspace_id, id) on delete cascade
);
create index contact_tags_tag_idx on contact_tags (workspace_id, tag_id);

create table activities (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  type text not null check (type in ('call', 'meeting', 'email', 'note', 'task')),
  subject text not null,
  body text,
  occurred_at timestamptz,
  due_at timestamptz,
  done_at timestamptz,
  duration_minutes integer check (duration_minutes >= 0),
  assignee_id uuid,
  company_id uuid,
  contact_id uuid,
  custom jsonb not null default '{}',
  search_text text not null default '',
  search_vector tsvector generated always as (
    to_tsvector('finnish', search_text) || to_tsvector('english', search_text)
  ) stored,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, assignee_id) references memberships (workspace_id, user_id) on delete set null (assignee_id),
  foreign key (workspace_id, company_id) references companies (workspace_id, id) on delete cascade,
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade
);
create index activities_updated_idx on activities (workspace_id, updated_at desc, id desc) where deleted_at is null;
create index activities_contact_idx on activities (workspace_id, contact_id, occurred_at desc);
create index activities_company_idx on activities (workspace_id, company_id, occurred_at desc);
create index activities_open_tasks_idx on activities (workspace_id, assignee_id, due_at) where done_at is null and deleted_at is null;
create index activities_search_trgm_idx on activities using gin (search_text gin_trgm_ops);
create index activities_search_fts_idx on activities using gin (search_vector);

create table custom_field_definitions (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  object_type text not null check (object_type in ('company', 'contact', 'activity')),
  key text not null check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  label_fi text not null,
  label_en text not null,
  type text not null check (type in ('text', 'number', 'money', 'date', 'boolean', 'select', 'multi_select', 'url', 'email', 'phone')),
  options jsonb not null default '[]',
  is_required boolean not null default false,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, object_type, key)
);

-- Append-only history of every record: what changed, field by field, by whom.
create table timeline_events (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  object_type text not null,
  record_id uuid not null,
  event_type text not null,
  changes jsonb,
  data jsonb,
  actor_user_id uuid,
  actor_api_key_id uuid,
  request_id text,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create index timeline_events_record_idx on timeline_events (workspace_id, object_type, record_id, created_at desc);

-- Append-only log of reads, exports and changes of personal data (GDPR-5).
create table audit_log (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  action text not null,
  object_type text not null,
  record_id uuid,
  record_count integer,
  actor_user_id uuid,
  actor_api_key_id uuid,
  request_id text,
  ip text,
  details jsonb,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create index audit_log_time_idx on audit_log (workspace_id, created_at desc, id desc);
create index audit_log_record_idx on audit_log (workspace_id, object_type, record_id);
create index audit_log_actor_idx on audit_log (workspace_id, actor_user_id, created_at desc);

-- Rows of history are never changed. Erasure under GDPR (a later feature) sets
-- suhde.allow_history_rewrite for its own transaction only.
create function forbid_history_rewrite() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('suhde.allow_history_rewrite', true), '') = 'on' then
    return coalesce(new, old);
  end if;
  raise exception '% is append-only', tg_table_name using errcode = 'P0001';
end $$;
create trigger timeline_events_append_only before update or delete on timeline_events
  for each row execute function forbid_history_rewrite();
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function forbid_history_rewrite();

-- Durable background jobs, taken with FOR UPDATE SKIP LOCKED.
create table jobs (
  id uuid primary key,
  workspace_id uuid references workspaces (id) on delete cascade,
  type text not null,
  payload jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  progress jsonb not null default '{}',
  attempts integer not null default 0,
  run_at timestamptz not null default now(),
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index jobs_due_idx on jobs (run_at) where status in ('queued', 'running');

create table maintenance_state (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
