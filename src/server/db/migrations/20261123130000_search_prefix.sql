-- Names that start with the search words are the cheapest candidates of a ranked search: a
-- btree range read in order stops after the bound, where the GIN indexes must first collect
-- every match of a common name (15,000 Korhonens at 1M contacts). Built in about 1–4 s at
-- 1M contacts (docs/decisions.md).
create index contacts_last_name_prefix_idx on contacts (workspace_id, lower(last_name) text_pattern_ops);
create index companies_name_prefix_idx on companies (workspace_id, lower(name) text_pattern_ops);
