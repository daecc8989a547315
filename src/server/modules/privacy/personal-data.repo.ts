import type { Db } from '../../db/client'

// Everything stored on one person, read for an access or portability export (GDPR art. 15, 20).

export async function readPersonRows(db: Db, workspaceId: string, contactId: string) {
  const contact = await db
    .selectFrom('contacts')
    .select([
      'id',
      'first_name',
      'last_name',
      'emails',
      'phones',
      'title',
      'language',
      'birth_date',
      'gender',
      'interests',
      'address',
      'lifecycle_stage',
      'source',
      'custom',
      'created_at',
      'updated_at',
    ])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .executeTakeFirst()
  const companies = await db
    .selectFrom('contact_companies as l')
    .innerJoin('companies as c', (j) =>
      j.onRef('c.workspace_id', '=', 'l.workspace_id').onRef('c.id', '=', 'l.company_id'),
    )
    .select(['c.name', 'l.role', 'l.is_primary'])
    .where('l.workspace_id', '=', workspaceId)
    .where('l.contact_id', '=', contactId)
    .execute()
  const tags = await db
    .selectFrom('contact_tags as l')
    .innerJoin('tags as t', (j) =>
      j.onRef('t.workspace_id', '=', 'l.workspace_id').onRef('t.id', '=', 'l.tag_id'),
    )
    .select('t.name')
    .where('l.workspace_id', '=', workspaceId)
    .where('l.contact_id', '=', contactId)
    .execute()
  const activities = await db
    .selectFrom('activities')
    .select(['id', 'type', 'subject', 'body', 'occurred_at', 'due_at', 'done_at', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute()
  const requests = await db
    .selectFrom('privacy_requests')
    .select(['id', 'type', 'status', 'received_at', 'due_at', 'completed_at'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .orderBy('received_at')
    .execute()
  return { contact, companies, tags: tags.map((t) => t.name), activities, requests }
}
