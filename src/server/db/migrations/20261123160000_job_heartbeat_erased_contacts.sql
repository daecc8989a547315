-- Jobs: the lease belongs to one claim. The runner renews it every few seconds while the job
-- runs (a heartbeat), so the lease can be short (30 s) and a job whose process died is taken
-- over within that time. A runner whose lease was taken over stops instead of writing on.
alter table jobs add column lease_owner text;

-- Contacts: when the person was erased (GDPR art. 17), so lists, pickers and search can say
-- "Erased person" instead of a blank name without asking erased_subjects row by row. Adding a
-- nullable column without a default rewrites nothing, also at a million contacts.
alter table contacts add column erased_at timestamptz;
update contacts c set erased_at = s.erased_at
  from erased_subjects s
  where s.kind = 'contact' and s.workspace_id = c.workspace_id and s.contact_id = c.id;
