-- Import problems as data (issue 5): a failed or flagged row keeps each problem as a stable code
-- with its column, field and value, so the report and the failed-rows CSV are written in the
-- reader's language. Rows stored before keep only their English text in `error` / `reason`.
-- A nullable column without a default: no table rewrite.
alter table import_rows add column problems jsonb;
