-- Privacy by design (GDPR-1..5): purposes with their legal basis, an append-only consent history
-- with proof, signed links for double opt-in and the preference centre, data subject requests,
-- salted hashes of erased people, and retention policies with their run log.

create table purposes (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  key text not null check (key ~ '^[a-z][a-z0-9_-]{0,62}$'),
  legal_basis text not null check (legal_basis in ('consent', 'contract', 'legitimate_interest', 'legal_obligation')),
  channels text[] not null default '{}',
  name_fi text not null,
  name_en text not null,
  description_fi text not null default '',
  description_en text not null default '',
  text_version integer not null default 1 check (text_version >= 1),
  requires_double_opt_in boolean not null default false,
  data_categories text[] not null default '{}',
  recipients text[] not null default '{}',
  retention_period text not null default '',
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, key)
);

-- Never updated or deleted (except by erasure, which blanks the proof of an erased person).
create table consent_events (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  contact_id uuid not null,
  purpose_id uuid not null,
  status text not null check (status in ('pending', 'granted', 'withdrawn')),
  channels text[] not null default '{}',
  occurred_at timestamptz not null,
  source text not null check (source in ('form', 'import', 'api', 'staff', 'preference_centre', 'double_opt_in')),
  text_version integer,
  ip text,
  user_agent text,
  confirmed_at timestamptz,
  note text,
  actor_user_id uuid,
  actor_api_key_id uuid,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade,
  foreign key (workspace_id, purpose_id) references purposes (workspace_id, id) on delete restrict
);
create index consent_events_contact_idx on consent_events (workspace_id, contact_id, purpose_id, occurred_at desc, created_at desc);
create trigger consent_events_append_only before update or delete on consent_events
  for each row execute function forbid_history_rewrite();

-- Signed links sent to a person: the token itself is never stored, only its sha-256.
create table privacy_links (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  token_hash text not null unique,
  contact_id uuid not null,
  kind text not null check (kind in ('confirm_consent', 'preference_centre')),
  purpose_id uuid,
  consent_event_id uuid,
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade,
  foreign key (workspace_id, purpose_id) references purposes (workspace_id, id) on delete cascade
);
create index privacy_links_contact_idx on privacy_links (workspace_id, contact_id);

create table privacy_requests (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  contact_id uuid,
  type text not null check (type in ('access', 'rectification', 'erasure', 'portability', 'objection')),
  status text not null default 'received' check (status in ('received', 'in_progress', 'completed', 'rejected')),
  channel text not null default 'staff' check (channel in ('staff', 'preference_centre', 'api', 'email', 'post')),
  received_at timestamptz not null,
  due_at timestamptz not null,
  completed_at timestamptz,
  handler_id uuid,
  evidence text not null default '',
  notes text not null default '',
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete set null (contact_id),
  foreign key (workspace_id, handler_id) references memberships (workspace_id, user_id) on delete set null (handler_id)
);
create index privacy_requests_due_idx on privacy_requests (workspace_id, status, due_at);
create index privacy_requests_contact_idx on privacy_requests (workspace_id, contact_id);

-- Salted hashes (HMAC with the installation secret) of the emails and phones of erased people,
-- so that a later create or import of the same person is flagged without keeping the value.
create table erased_subjects (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  contact_id uuid,
  kind text not null check (kind in ('contact', 'email', 'phone')),
  value_hash text,
  reason text not null default 'request' check (reason in ('request', 'retention', 'preference_centre')),
  erased_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create index erased_subjects_hash_idx on erased_subjects (workspace_id, value_hash);
create unique index erased_subjects_contact_key on erased_subjects (workspace_id, contact_id) where kind = 'contact';

create table retention_policies (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  name text not null,
  object_type text not null default 'contact' check (object_type in ('contact')),
  lifecycle_stage text check (lifecycle_stage in ('lead', 'prospect', 'customer', 'former')),
  inactive_months integer not null check (inactive_months between 1 and 600),
  action text not null default 'anonymise' check (action in ('anonymise')),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);

create table retention_runs (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  policy_id uuid not null,
  trigger text not null check (trigger in ('schedule', 'manual')),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  affected_count integer not null default 0,
  record_ids uuid[] not null default '{}',
  status text not null default 'running' check (status in ('running', 'done', 'failed')),
  error text,
  primary key (workspace_id, id),
  foreign key (workspace_id, policy_id) references retention_policies (workspace_id, id) on delete cascade
);
create index retention_runs_policy_idx on retention_runs (workspace_id, policy_id, started_at desc);
