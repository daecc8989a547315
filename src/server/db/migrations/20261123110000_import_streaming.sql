-- Imports of any size (DATA-5). The uploaded file is kept in parts of a few megabytes instead of
-- one bytea value, so it can be written from the upload's temporary file and read back as a
-- stream by any server that resumes the job; no step holds the whole file in memory.
create table import_file_parts (
  workspace_id uuid not null,
  import_id uuid not null,
  part integer not null,
  data bytea not null,
  primary key (workspace_id, import_id, part),
  foreign key (workspace_id, import_id) references imports (workspace_id, id) on delete cascade
);
insert into import_file_parts (workspace_id, import_id, part, data)
  select workspace_id, id, 0, file_data from imports where length(file_data) > 0;
alter table imports drop column file_data;

alter table imports
  -- What the upload learnt about the file, so reading an import needs no re-parse.
  add column sheets jsonb not null default '[]',
  add column warnings jsonb not null default '[]',
  -- Rows skipped because the person was erased before (a part of skipped_count).
  add column flagged_count integer not null default 0,
  -- The server process (its boot id) that holds the lease: a restarted server takes back the
  -- imports of its dead predecessor at once instead of waiting for locked_until.
  add column lease_owner text,
  -- Tags the import created, deleted again by undo when nothing else uses them.
  add column created_tag_ids uuid[] not null default '{}';

alter table import_rows
  -- Why a row was skipped when it was not a plain duplicate (a previously erased person).
  add column reason text,
  -- What the row added to a record it did not create, so undo can take it off again.
  add column added_tag_ids uuid[],
  add column link_added boolean not null default false;
create index import_rows_flagged_idx on import_rows (workspace_id, import_id, row_number) where reason is not null;
