-- Invitations to join a workspace and admin-issued password reset links. Both hold only the
-- sha-256 of their one-time token; the token itself is shown once and never stored.

create table invitations (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  email text not null,
  role text not null check (role in ('admin', 'manager', 'sales', 'marketing', 'service', 'read-only')),
  scope text not null default 'all' check (scope in ('own', 'team', 'all')),
  token_hash text not null unique,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create index invitations_email_idx on invitations (workspace_id, lower(email)) where accepted_at is null;

create table password_resets (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  user_id uuid not null references users (id) on delete cascade,
  token_hash text not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create index password_resets_user_idx on password_resets (user_id);
