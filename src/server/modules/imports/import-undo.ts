import type { Deps } from '../../deps'
import type { Actor } from '../../lib/actor'
import { updateCompanyRow, type CompanyValues } from '../companies/companies.repo'
import { updateContactRow, type ContactValues } from '../contacts/contacts.repo'
import { audit } from '../audit/audit.service'
import { recordEvents } from '../timeline/timeline.service'
import { deleteRecords, findImport, listOutcomes, updateImport } from './imports.repo'
import { assertUndoable, authorizeImport, getImport, loadImport } from './imports.service'
import type { Import } from '../../../shared/imports.schema'

// Undo within 30 days, in one transaction: the old values of every record the import changed
// are put back, then everything it created is deleted (links and tags go with the records).

export async function undoImport(deps: Deps, actor: Actor, id: string): Promise<Import> {
  const first = await loadImport(deps, actor, id)
  authorizeImport(actor, first.object_type, 'create')
  await deps.db.transaction().execute(async (trx) => {
    const imp = await findImport(trx, actor.workspaceId, id, true)
    if (!imp) return
    assertUndoable(imp)
    const rows = await listOutcomes(trx, actor.workspaceId, id)
    const restored: { objectType: string; recordId: string }[] = []
    for (const r of [...rows].reverse()) {
      if (r.outcome !== 'updated' || !r.record_id || !r.old_values) continue
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
      restored.push({ objectType: r.object_type ?? 'contact', recordId: r.record_id })
    }
    const created = rows.filter((r) => r.outcome === 'created' && r.record_id)
    const ids = (type: string) =>
      created.filter((r) => r.object_type === type).map((r) => r.record_id as string)
    const companies = [
      ...ids('company'),
      ...rows.filter((r) => r.company_created && r.company_id).map((r) => r.company_id as string),
    ]
    await deleteRecords(trx, actor.workspaceId, 'contacts', ids('contact'))
    await deleteRecords(trx, actor.workspaceId, 'companies', [...new Set(companies)])
    if (restored.length)
      await recordEvents(
        trx,
        actor,
        restored.map((r) => ({
          ...r,
          eventType: 'updated',
          data: { source: 'import_undo', importId: id },
        })),
      )
    await updateImport(trx, actor.workspaceId, id, { status: 'undone', undone_at: new Date() })
    await audit(trx, actor, {
      action: 'undo',
      objectType: 'import',
      recordIds: [id],
      details: { deleted: ids('contact').length + companies.length, restored: restored.length },
    })
  })
  return getImport(deps, actor, id)
}
