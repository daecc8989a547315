import type { Company } from '../../../shared/companies.schema'
import type { Contact } from '../../../shared/contacts.schema'
import type { Db } from '../../db/client'
import type { Visibility } from '../../db/list-query'
import { fieldError } from '../../errors'
import {
  findCompanies,
  isAncestorOrSelf,
  setDeletedAt as setCompaniesDeletedAt,
  updateCompanyRow,
  type CompanyValues,
} from '../companies/companies.repo'
import {
  findContacts,
  setDeletedAt as setContactsDeletedAt,
  updateContactRow,
  type ContactValues,
} from '../contacts/contacts.repo'
import { moveCompanyLinks, moveContactLinks } from './merges.repo'

// The writes of a merge inside its transaction. Like lead conversion and import chunks, a merge
// must change several modules' rows at once, so it calls the contacts and companies repos here
// (and only here) instead of their services, which open transactions of their own.

type Target = { workspaceId: string; survivorId: string; mergedIds: string[] }

export type MergeOutcome = {
  moved: Record<string, number>
  reload(): Promise<Contact | Company>
}

export type LoadedRecords =
  { kind: 'contact'; rows: Contact[] } | { kind: 'company'; rows: Company[] }

/** The records in the order of `ids` (locked when `forUpdate`), live and visible ones only. */
export async function loadMergeRecords(
  db: Db,
  objectType: 'contact' | 'company',
  workspaceId: string,
  ids: string[],
  vis: Visibility,
  forUpdate: boolean,
): Promise<LoadedRecords> {
  // The survivor must come first whatever order the repo answers in.
  const inOrder = <T extends { id: string }>(rows: T[]) =>
    ids.flatMap((id) => rows.filter((r) => r.id === id))
  return objectType === 'contact'
    ? { kind: 'contact', rows: inOrder(await findContacts(db, workspaceId, ids, vis, forUpdate)) }
    : { kind: 'company', rows: inOrder(await findCompanies(db, workspaceId, ids, vis, forUpdate)) }
}

export async function mergeContacts(
  trx: Db,
  t: Target,
  values: Record<string, unknown>,
): Promise<MergeOutcome> {
  await updateContactRow(trx, t.workspaceId, t.survivorId, values as ContactValues)
  const moved = await moveContactLinks(trx, t)
  await setContactsDeletedAt(trx, t.workspaceId, t.mergedIds, new Date())
  return {
    moved,
    reload: async () => {
      const [c] = await findContacts(trx, t.workspaceId, [t.survivorId], { ownerIds: null })
      if (!c) throw new Error('survivor vanished in its merge')
      return c
    },
  }
}

export async function mergeCompanies(
  trx: Db,
  t: Target,
  values: Record<string, unknown>,
): Promise<MergeOutcome> {
  const v = values as CompanyValues
  await updateCompanyRow(trx, t.workspaceId, t.survivorId, v)
  const moved = await moveCompanyLinks(trx, t)
  // The merged companies' subsidiaries now hang on the survivor; its parent must not be one.
  if (v.parentId && (await isAncestorOrSelf(trx, t.workspaceId, t.survivorId, v.parentId)))
    throw fieldError('fields.parentId', 'cycle')
  await setCompaniesDeletedAt(trx, t.workspaceId, t.mergedIds, new Date())
  return {
    moved,
    reload: async () => {
      const [c] = await findCompanies(trx, t.workspaceId, [t.survivorId], { ownerIds: null })
      if (!c) throw new Error('survivor vanished in its merge')
      return c
    },
  }
}
