-- Contacts' full-text vector from the words that have stems: first name, last name and title.
-- It was built from the whole search_text, whose emails and phone numbers (in two forms) have
-- no Finnish or English stems and are found by the trigram index anyway (substring and typo
-- match on search_text, unchanged). Parsing them twice per row and indexing their lexemes was a
-- fifth of the database's work for every contact inserted: 100k contacts took 6.7–7.1 s of
-- backend CPU with the old vector, 5.3–5.5 s with this one (docs/decisions.md). A generated
-- column's expression cannot be altered in PostgreSQL 15, so the column is made again: one table
-- rewrite, about 80 s at 1M contacts on 2 busy cores (docs/benchmarks.md).
alter table contacts
  drop column search_vector,
  add column search_vector tsvector generated always as (
    to_tsvector('finnish', coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(title, ''))
    || to_tsvector('english', coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(title, ''))
  ) stored;
create index contacts_search_fts_idx on contacts using gin (search_vector);
