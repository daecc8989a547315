import type { Import } from '../../../shared/imports.schema'
import type { Deps } from '../../deps'
import type { Actor } from '../../lib/actor'
import { audit } from '../audit/audit.service'
import { updateCompanyRow, type CompanyValues } from '../companies/companies.repo'
import { updateContactRow, type ContactValues } from '../contacts/contacts.repo'
import { recordEvents } from '../timeline/timeline.service'
import { deleteImported, findImport, listUpdatedPage, updateImport } from './imports.repo'
import { assertUndoable, authorizeImport, getImport, loadImport } from './imports.service'

// Undo within 30 days, in one transaction: the old values of every record the import changed
// are put back (last change first, a page at a time), then what it added is deleted: tags and
// company links it put on records it did not create, the records it created (their own links
// and tags go with them) and the tags it created that nothing else uses now.

const pageSize = 1000

export async function undoImport(deps: Deps, actor: Actor, id: string): Promise<Import> {
  const first = await loadImport(deps, actor, id)
  authorizeImport(actor, first.object_type, 'create')
  await deps.db.transaction().execute(async (trx) => {
    const imp = await findImport(trx, actor.workspaceId, id, true)
    if (!imp) return
    assertUndoable(imp)
    let restored = 0
    for (let before = 2 ** 31 - 1; ;) {
      const rows = await listUpdatedPage(trx, actor.workspaceId, id, before, pageSize)
      const events = []
      for (const r of rows) {
        if (!r.record_id || !r.old_values) continue
        if (r.object_type === 'company')
          await updateCompanyRow(
            trx,
            actor.workspaceId,
            r.record_id,
            r.old_values as unknown as CompanyValues,
          )
        else
          await updateContactRow(
            trx,
            actor.workspaceId,
            r.record_id,
            r.old_values as unknown as ContactValues,
          )
        events.push({
          objectType: r.object_type ?? 'contact',
          recordId: r.record_id,
          eventType: 'updated',
          data: { source: 'import_undo', importId: id },
        })
      }
      if (events.length) await recordEvents(trx, actor, events)
      restored += events.length
      const last = rows.at(-1)
      if (!last || rows.length < pageSize) break
      before = last.row_number
    }
    const deleted = await deleteImported(trx, actor.workspaceId, id)
    await updateImport(trx, actor.workspaceId, id, { status: 'undone', undone_at: new Date() })
    await audit(trx, actor, {
      action: 'undo',
      objectType: 'import',
      recordIds: [id],
      details: { deleted, restored },
    })
  })
  return getImport(deps, actor, id)
}
