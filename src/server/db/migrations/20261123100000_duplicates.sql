-- Duplicate finder and merge (DATA-5): the review queue of likely duplicates found by the scan
-- job, the merges done, and where each merged record went.

-- A pair of records that look like the same customer. record_a < record_b, so a pair has one
-- row whichever way a scan finds it. A rescan refreshes open pairs only: a pair someone
-- dismissed ("not a duplicate") stays dismissed. Reasons name the signals that matched
-- (email, phone, name similarity…) but hold no values: the values are read from the records
-- when the queue is shown, so nothing personal outlives an edit or an erasure here.
create table duplicate_candidates (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  object_type text not null check (object_type in ('contact', 'company')),
  record_a uuid not null,
  record_b uuid not null,
  score smallint not null check (score between 0 and 100),
  reasons jsonb not null default '[]',
  status text not null default 'open' check (status in ('open', 'dismissed', 'merged')),
  scan_id uuid,
  found_at timestamptz not null default now(),
  decided_by uuid,
  decided_at timestamptz,
  primary key (workspace_id, id),
  unique (workspace_id, object_type, record_a, record_b),
  check (record_a < record_b),
  foreign key (workspace_id, decided_by) references memberships (workspace_id, user_id) on delete set null (decided_by)
);
create index duplicate_candidates_queue_idx on duplicate_candidates (workspace_id, status, score desc, id);
create index duplicate_candidates_record_b_idx on duplicate_candidates (workspace_id, object_type, record_b);

-- One row per merge: who kept which record, whose value each field took, what moved.
create table merges (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  object_type text not null check (object_type in ('contact', 'company')),
  survivor_id uuid not null,
  merged_ids uuid[] not null,
  fields jsonb not null default '{}',
  moved jsonb not null default '{}',
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create index merges_survivor_idx on merges (workspace_id, object_type, survivor_id, created_at desc);

-- The pointer from a merged (soft-deleted) record to its survivor, so links to it redirect.
-- Kept one hop long: a later merge of the survivor moves the pointers on to the new survivor.
create table merged_records (
  workspace_id uuid not null,
  object_type text not null check (object_type in ('contact', 'company')),
  record_id uuid not null,
  survivor_id uuid not null,
  merge_id uuid not null,
  primary key (workspace_id, object_type, record_id),
  foreign key (workspace_id, merge_id) references merges (workspace_id, id) on delete cascade
);
create index merged_records_survivor_idx on merged_records (workspace_id, object_type, survivor_id);

-- Durable jobs of a workspace by type, newest first (the scans a page lists).
create index jobs_workspace_type_idx on jobs (workspace_id, type, created_at desc);
