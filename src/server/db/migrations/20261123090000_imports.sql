-- Imports (DATA-5): the uploaded file is kept in the database as bytea (one copy, backed up and
-- removed with the workspace), so a restarted server can resume the job from the last chunk.
create table imports (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  object_type text not null check (object_type in ('companies', 'contacts', 'both')),
  filename text not null,
  format text not null check (format in ('csv', 'xlsx', 'vcard')),
  encoding text,
  delimiter text,
  sheet text,
  file_data bytea not null,
  file_size integer not null,
  headers jsonb not null default '[]',
  mapping jsonb not null default '{}',
  dedupe_rule text not null default 'email' check (dedupe_rule in ('none', 'email', 'phone', 'business_id', 'domain', 'name_city')),
  match_action text not null default 'skip' check (match_action in ('skip', 'fill_empty', 'overwrite')),
  status text not null default 'uploaded' check (status in ('uploaded', 'queued', 'running', 'done', 'failed', 'undone')),
  created_count integer not null default 0,
  updated_count integer not null default 0,
  skipped_count integer not null default 0,
  failed_count integer not null default 0,
  rows_done integer not null default 0,
  rows_total integer not null default 0,
  last_error text,
  locked_until timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  undo_until timestamptz not null default now() + interval '30 days',
  undone_at timestamptz,
  primary key (workspace_id, id)
);
create index imports_created_idx on imports (workspace_id, created_at desc);
create index imports_due_idx on imports (status) where status in ('queued', 'running');

-- One row per processed file row: the failure report and the undo data (what was created, and
-- the old values of what was changed). Written in the same transaction as the chunk's records.
create table import_rows (
  workspace_id uuid not null,
  import_id uuid not null,
  row_number integer not null,
  raw jsonb not null,
  outcome text not null check (outcome in ('created', 'updated', 'skipped', 'failed')),
  object_type text,
  record_id uuid,
  company_id uuid,
  company_created boolean not null default false,
  old_values jsonb,
  error text,
  primary key (workspace_id, import_id, row_number),
  foreign key (workspace_id, import_id) references imports (workspace_id, id) on delete cascade
);
create index import_rows_failed_idx on import_rows (workspace_id, import_id, row_number) where outcome = 'failed';

create table import_mapping_templates (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  name text not null,
  object_type text not null check (object_type in ('companies', 'contacts', 'both')),
  mapping jsonb not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create unique index import_mapping_templates_name_key on import_mapping_templates (workspace_id, lower(name));
