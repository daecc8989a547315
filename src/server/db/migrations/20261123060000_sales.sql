-- Sales process (SALES-1..8): pipelines with ordered stages, deals with their stage history,
-- qualification scorecards and stage gates, products, quotes, targets and leads.
-- Tenancy as in the foundation: (workspace_id, id) keys and workspace-scoped foreign keys.

create table pipelines (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  name text not null,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  primary key (workspace_id, id)
);

create table pipeline_stages (
  workspace_id uuid not null,
  id uuid not null,
  pipeline_id uuid not null,
  name text not null,
  position integer not null,
  probability integer not null check (probability between 0 and 100),
  rotting_days integer check (rotting_days > 0),
  -- Fields a deal must have before it may enter the stage (e.g. amount, expectedCloseDate).
  required_fields text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  -- Lets deals reference (pipeline, stage) together, so a stage of another pipeline is refused.
  unique (workspace_id, pipeline_id, id),
  foreign key (workspace_id, pipeline_id) references pipelines (workspace_id, id) on delete cascade
);
create index pipeline_stages_pipeline_idx on pipeline_stages (workspace_id, pipeline_id, position);

-- The qualification scorecard of a pipeline (BANT, MEDDIC…): weighted criteria, each answered
-- with one of its options, whose points (0–100) make the deal's score.
create table scorecard_criteria (
  workspace_id uuid not null,
  id uuid not null,
  pipeline_id uuid not null,
  key text not null,
  name text not null,
  description text,
  weight integer not null check (weight between 1 and 100),
  options jsonb not null default '[]',
  position integer not null default 0,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, pipeline_id) references pipelines (workspace_id, id) on delete cascade
);
create unique index scorecard_criteria_key on scorecard_criteria (workspace_id, pipeline_id, key);

-- Stage gate: a criterion that must be met (answered with points > 0) before entering the stage.
create table stage_gate_criteria (
  workspace_id uuid not null,
  stage_id uuid not null,
  criterion_id uuid not null,
  primary key (workspace_id, stage_id, criterion_id),
  foreign key (workspace_id, stage_id) references pipeline_stages (workspace_id, id) on delete cascade,
  foreign key (workspace_id, criterion_id) references scorecard_criteria (workspace_id, id) on delete cascade
);

create table lost_reasons (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  name text not null,
  position integer not null default 0,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create unique index lost_reasons_name_key on lost_reasons (workspace_id, lower(name));

create table deals (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  title text not null,
  pipeline_id uuid not null,
  stage_id uuid not null,
  -- Order of the card within its column; fractional so a move rewrites one row.
  position double precision not null default 0,
  amount bigint not null default 0 check (amount >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  expected_close_date date,
  probability integer check (probability between 0 and 100),
  forecast_category text check (forecast_category in ('pipeline', 'best_case', 'commit', 'omitted')),
  status text not null default 'open' check (status in ('open', 'won', 'lost')),
  lost_reason_id uuid,
  lost_note text,
  closed_at timestamptz,
  owner_id uuid,
  company_id uuid,
  score integer check (score between 0 and 100),
  stage_entered_at timestamptz not null default now(),
  last_activity_at timestamptz not null default now(),
  custom jsonb not null default '{}',
  search_text text not null default '',
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, pipeline_id) references pipelines (workspace_id, id),
  foreign key (workspace_id, pipeline_id, stage_id) references pipeline_stages (workspace_id, pipeline_id, id),
  foreign key (workspace_id, owner_id) references memberships (workspace_id, user_id) on delete set null (owner_id),
  foreign key (workspace_id, company_id) references companies (workspace_id, id) on delete set null (company_id),
  foreign key (workspace_id, lost_reason_id) references lost_reasons (workspace_id, id) on delete set null (lost_reason_id),
  check ((status = 'open') = (closed_at is null))
);
create index deals_board_idx on deals (workspace_id, stage_id, position, id) where deleted_at is null and status = 'open';
create index deals_pipeline_idx on deals (workspace_id, pipeline_id, status) where deleted_at is null;
create index deals_owner_idx on deals (workspace_id, owner_id, status);
create index deals_company_idx on deals (workspace_id, company_id);
create index deals_close_idx on deals (workspace_id, expected_close_date) where deleted_at is null;
create index deals_updated_idx on deals (workspace_id, updated_at desc, id desc) where deleted_at is null;
create index deals_search_trgm_idx on deals using gin (search_text gin_trgm_ops);

create table deal_contacts (
  workspace_id uuid not null,
  deal_id uuid not null,
  contact_id uuid not null,
  buying_role text check (buying_role in ('decision_maker', 'economic_buyer', 'champion', 'influencer', 'technical_buyer', 'user', 'gatekeeper', 'blocker')),
  created_at timestamptz not null default now(),
  primary key (workspace_id, deal_id, contact_id),
  foreign key (workspace_id, deal_id) references deals (workspace_id, id) on delete cascade,
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade
);
create index deal_contacts_contact_idx on deal_contacts (workspace_id, contact_id);

-- One row per stay in a stage. At most one open stay per deal, enforced by the unique index, so
-- two concurrent moves cannot leave two "current" stages behind.
create table deal_stage_history (
  workspace_id uuid not null,
  id uuid not null,
  deal_id uuid not null,
  pipeline_id uuid not null,
  stage_id uuid not null,
  entered_at timestamptz not null,
  left_at timestamptz,
  entered_by uuid,
  left_by uuid,
  primary key (workspace_id, id),
  foreign key (workspace_id, deal_id) references deals (workspace_id, id) on delete cascade,
  foreign key (workspace_id, stage_id) references pipeline_stages (workspace_id, id) on delete cascade,
  check (left_at is null or left_at >= entered_at)
);
create index deal_stage_history_deal_idx on deal_stage_history (workspace_id, deal_id, entered_at);
create unique index deal_stage_history_open_key on deal_stage_history (workspace_id, deal_id) where left_at is null;
create index deal_stage_history_stage_idx on deal_stage_history (workspace_id, stage_id, entered_at);

create table deal_scorecard_answers (
  workspace_id uuid not null,
  deal_id uuid not null,
  criterion_id uuid not null,
  option_key text not null,
  points integer not null check (points between 0 and 100),
  answered_by uuid,
  answered_at timestamptz not null default now(),
  primary key (workspace_id, deal_id, criterion_id),
  foreign key (workspace_id, deal_id) references deals (workspace_id, id) on delete cascade,
  foreign key (workspace_id, criterion_id) references scorecard_criteria (workspace_id, id) on delete cascade
);

create table products (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  name text not null,
  sku text,
  description text,
  unit text,
  unit_price bigint not null check (unit_price >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  vat_rate numeric(5, 2) not null default 25.5 check (vat_rate between 0 and 100),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  primary key (workspace_id, id)
);
create unique index products_sku_key on products (workspace_id, lower(sku)) where sku is not null;
create index products_name_idx on products (workspace_id, name, id) where deleted_at is null;

-- Line items of a deal and of a quote share one shape; money in minor units, each line rounded.
create table deal_lines (
  workspace_id uuid not null,
  id uuid not null,
  deal_id uuid not null,
  product_id uuid,
  name text not null,
  quantity numeric(14, 3) not null check (quantity > 0),
  unit_price bigint not null check (unit_price >= 0),
  discount_percent numeric(5, 2) not null default 0 check (discount_percent between 0 and 100),
  vat_rate numeric(5, 2) not null check (vat_rate between 0 and 100),
  position integer not null default 0,
  primary key (workspace_id, id),
  foreign key (workspace_id, deal_id) references deals (workspace_id, id) on delete cascade,
  foreign key (workspace_id, product_id) references products (workspace_id, id) on delete set null (product_id)
);
create index deal_lines_deal_idx on deal_lines (workspace_id, deal_id, position);

create table quotes (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  deal_id uuid not null,
  number integer not null,
  title text not null,
  status text not null default 'draft' check (status in ('draft', 'sent', 'accepted', 'rejected')),
  language text not null default 'fi' check (language in ('fi', 'en')),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  valid_until date,
  notes text,
  net_total bigint not null default 0,
  vat_total bigint not null default 0,
  gross_total bigint not null default 0,
  sent_at timestamptz,
  decided_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  primary key (workspace_id, id),
  unique (workspace_id, number),
  foreign key (workspace_id, deal_id) references deals (workspace_id, id) on delete cascade
);
create index quotes_deal_idx on quotes (workspace_id, deal_id);

create table quote_lines (
  workspace_id uuid not null,
  id uuid not null,
  quote_id uuid not null,
  product_id uuid,
  name text not null,
  quantity numeric(14, 3) not null check (quantity > 0),
  unit_price bigint not null check (unit_price >= 0),
  discount_percent numeric(5, 2) not null default 0 check (discount_percent between 0 and 100),
  vat_rate numeric(5, 2) not null check (vat_rate between 0 and 100),
  position integer not null default 0,
  primary key (workspace_id, id),
  foreign key (workspace_id, quote_id) references quotes (workspace_id, id) on delete cascade,
  foreign key (workspace_id, product_id) references products (workspace_id, id) on delete set null (product_id)
);
create index quote_lines_quote_idx on quote_lines (workspace_id, quote_id, position);

-- Per-workspace counters (quote numbers): an upsert returns the next value atomically.
create table sales_counters (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  name text not null,
  value integer not null,
  primary key (workspace_id, name)
);

-- Quota of a rep for a month or a quarter (period_start is its first day).
create table quotas (
  workspace_id uuid not null,
  id uuid not null,
  user_id uuid not null,
  period text not null check (period in ('month', 'quarter')),
  period_start date not null,
  amount bigint not null check (amount >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id),
  unique (workspace_id, user_id, period, period_start),
  foreign key (workspace_id, user_id) references memberships (workspace_id, user_id) on delete cascade
);

-- Standing weekly activity targets of a rep: sales is measured by the doing.
create table activity_targets (
  workspace_id uuid not null,
  user_id uuid not null,
  calls integer not null default 0 check (calls >= 0),
  meetings integer not null default 0 check (meetings >= 0),
  emails integer not null default 0 check (emails >= 0),
  new_deals integer not null default 0 check (new_deals >= 0),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, user_id),
  foreign key (workspace_id, user_id) references memberships (workspace_id, user_id) on delete cascade
);

-- Leads are contacts in lifecycle stage 'lead' (see docs/decisions.md); this row holds what only
-- a lead has: where it came from, its qualification state, scores and the conversion result.
create table leads (
  workspace_id uuid not null,
  contact_id uuid not null,
  status text not null default 'new' check (status in ('new', 'working', 'qualified', 'disqualified', 'converted')),
  source text,
  company_name text,
  industry text,
  region text,
  company_size text,
  fit_score integer not null default 0,
  engagement_score integer not null default 0,
  assigned_team_id uuid,
  converted_company_id uuid,
  converted_deal_id uuid,
  converted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, contact_id),
  foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade,
  foreign key (workspace_id, converted_company_id) references companies (workspace_id, id) on delete set null (converted_company_id),
  foreign key (workspace_id, converted_deal_id) references deals (workspace_id, id) on delete set null (converted_deal_id)
);
create index leads_status_idx on leads (workspace_id, status, created_at desc);

-- Scoring: a fit rule matches a lead attribute; an engagement rule counts activities by type.
create table lead_scoring_rules (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  kind text not null check (kind in ('fit', 'engagement')),
  field text not null,
  value text,
  points integer not null check (points between -100 and 100),
  max_points integer,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id)
);

-- Assignment: the first matching rule by position wins; round robin rotates within a team.
create table lead_assignment_rules (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  id uuid not null,
  position integer not null default 0,
  kind text not null check (kind in ('round_robin', 'territory')),
  match_field text check (match_field in ('region', 'industry')),
  match_value text,
  team_id uuid,
  user_id uuid,
  last_assigned_user_id uuid,
  created_at timestamptz not null default now(),
  primary key (workspace_id, id),
  foreign key (workspace_id, team_id) references teams (workspace_id, id) on delete cascade,
  foreign key (workspace_id, user_id) references memberships (workspace_id, user_id) on delete cascade
);
