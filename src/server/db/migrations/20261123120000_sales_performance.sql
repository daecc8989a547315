-- Sales at the standard dataset size (200k deals, 10k open in one pipeline), and custom fields
-- on deals.

-- The forecast reads won deals by their close time and open deals by their expected close
-- date, each within the asked periods, from a covering partial index for each kind: an
-- index-only scan instead of fetching thousands of deal rows scattered over the table.
create index deals_won_idx on deals (workspace_id, closed_at)
  include (amount, currency, owner_id, pipeline_id, forecast_category)
  where status = 'won' and deleted_at is null;
create index deals_open_close_idx on deals (workspace_id, expected_close_date)
  include (amount, currency, owner_id, pipeline_id, forecast_category, probability, stage_id)
  where status = 'open' and deleted_at is null;

-- The board's column totals: count, sums per currency and weighted sums of a pipeline's open
-- deals come from this index alone (an index-only scan), without visiting 10k heap rows.
create index deals_board_totals_idx on deals (workspace_id, pipeline_id, stage_id)
  include (currency, amount, probability, owner_id, expected_close_date, score)
  where status = 'open' and deleted_at is null;

-- Deals get custom fields like companies, contacts and activities.
alter table custom_field_definitions drop constraint custom_field_definitions_object_type_check;
alter table custom_field_definitions add constraint custom_field_definitions_object_type_check
  check (object_type in ('company', 'contact', 'activity', 'deal'));
