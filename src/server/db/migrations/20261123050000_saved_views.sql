-- Saved views of a list (RPT-4): a named filter, sort, quick search and column choice. A personal
-- view is seen only by its owner; a shared one by the whole workspace.

create table saved_views (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  object_type text not null check (object_type in ('company', 'contact', 'activity')),
  name text not null,
  owner_id uuid not null,
  is_shared boolean not null default false,
  query jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  -- A removed member's views go with them; shared views can be re-made by anyone.
  foreign key (workspace_id, owner_id) references memberships (workspace_id, user_id) on delete cascade
);
create index saved_views_list_idx on saved_views (workspace_id, object_type, owner_id);
