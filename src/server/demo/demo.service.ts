import type { Db } from '../db/client'
import { newId } from '../lib/ids'
import { findUserByEmail } from '../modules/auth/auth.repo'
import { vacuumNow } from '../maintenance/maintenance.service'
import { createWorkspace } from '../modules/workspaces/workspaces.service'
import { createUser } from '../platform/admin.service'
import { generatePassword } from '../platform/first-run'
import * as fi from './finnish-data'
import { addDemoSales } from './demo-sales.service'
import { companyRow, type DemoContext } from './generate'
import { activityRow, contactRow } from './generate-people'
import {
  insertDemoActivities,
  insertDemoCompanies,
  insertDemoContactCompanies,
  insertDemoContacts,
  insertDemoTagLinks,
  insertDemoTags,
  insertDemoTeam,
} from './demo.repo'

export type DemoOptions = {
  workspaceName: string
  adminEmail: string
  companies: number
  contacts: number
  activities: number
  /** Deals with pipelines, products and quotes; by default one for every five contacts. */
  deals?: number
  seed?: number
  chunkSize?: number
  now?: Date
  onProgress?: (what: string, done: number, total: number) => void
}

export type DemoResult = {
  workspaceId: string
  adminEmail: string
  /** Whether the demo made the admin user; an existing user keeps their password. */
  isAdminNew: boolean
  /** Password of the demo sales users (and of the admin when the demo created them). */
  password: string
  users: string[]
  counts: { companies: number; contacts: number; activities: number; deals: number }
  ms: number
}

const reps = [
  ['Aino', 'Virtanen', 'manager'],
  ['Mikko', 'Korhonen', 'sales'],
  ['Laura', 'Mäkinen', 'sales'],
  ['Janne', 'Nieminen', 'sales'],
  ['Sanna', 'Heikkinen', 'sales'],
  ['Teemu', 'Laine', 'sales'],
  ['Elina', 'Koskinen', 'marketing'],
] as const

async function createPeople(db: Db, workspaceId: string, password: string) {
  const suffix = workspaceId.slice(-6)
  const ids: string[] = []
  const emails: string[] = []
  for (const [first, last, role] of reps) {
    const email = `${first}.${last}.${suffix}@demo.suhde.local`.toLowerCase().replace(/ä/g, 'a')
    const u = await createUser(db, {
      workspace: workspaceId,
      email,
      name: `${first} ${last}`,
      role,
      scope: role === 'sales' ? 'team' : 'all',
      password,
    })
    ids.push(u.userId)
    emails.push(email)
  }
  await insertDemoTeam(db, workspaceId, {
    id: newId(),
    name: 'Myynti Etelä',
    userIds: ids.slice(1, 4),
  })
  await insertDemoTeam(db, workspaceId, {
    id: newId(),
    name: 'Myynti Pohjoinen',
    userIds: ids.slice(4, 6),
  })
  return { ids, emails }
}

async function inChunks(
  total: number,
  size: number,
  work: (from: number, to: number) => Promise<void>,
  progress: (done: number) => void,
) {
  for (let from = 0; from < total; from += size) {
    const to = Math.min(total, from + size)
    await work(from, to)
    progress(to)
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k)

/**
 * A realistic Finnish demo workspace of any size. Rows are generated and written chunk by chunk,
 * so memory stays flat for millions of records. No per-record timeline events are written.
 */
export async function createDemo(db: Db, opts: DemoOptions): Promise<DemoResult> {
  const started = Date.now()
  const password = generatePassword()
  const isAdminNew = !(await findUserByEmail(db, opts.adminEmail))
  const { workspaceId } = await createWorkspace(db, {
    name: opts.workspaceName,
    adminEmail: opts.adminEmail,
    adminPassword: password,
  })
  const people = await createPeople(db, workspaceId, password)
  const tags = fi.tagNames.map((name, k) => ({
    id: newId(),
    name,
    color: ['red', 'blue', 'green', 'orange', 'grape'][k % 5] ?? 'gray',
  }))
  await insertDemoTags(db, workspaceId, tags)
  const ctx: DemoContext = {
    seed: opts.seed ?? 1,
    workspaceId,
    ownerIds: people.ids.slice(1, 6),
    tagIds: tags.map((t) => t.id),
    companies: opts.companies,
    contacts: opts.contacts,
    now: opts.now ?? new Date(),
  }
  const size = opts.chunkSize ?? 5000
  const report = (what: string, total: number) => (done: number) =>
    opts.onProgress?.(what, done, total)
  await inChunks(
    opts.companies,
    size,
    async (from, to) => {
      const made = range(from, to).map((i) => companyRow(ctx, i))
      await db.transaction().execute(async (trx) => {
        await insertDemoCompanies(
          trx,
          workspaceId,
          made.map((m) => m.row),
        )
        const links = made.flatMap((m) => m.tagIds.map((t) => ({ record_id: m.row.id, tag_id: t })))
        await insertDemoTagLinks(trx, workspaceId, 'company', links)
      })
    },
    report('companies', opts.companies),
  )
  await inChunks(
    opts.contacts,
    size,
    async (from, to) => {
      const made = range(from, to).map((i) => contactRow(ctx, i))
      await db.transaction().execute(async (trx) => {
        await insertDemoContacts(
          trx,
          workspaceId,
          made.map((m) => m.row),
        )
        const links = made.flatMap((m) => m.links.map((l) => ({ contact_id: m.row.id, ...l })))
        await insertDemoContactCompanies(trx, workspaceId, links)
        const tagLinks = made.flatMap((m) =>
          m.tagIds.map((t) => ({ record_id: m.row.id, tag_id: t })),
        )
        await insertDemoTagLinks(trx, workspaceId, 'contact', tagLinks)
      })
    },
    report('contacts', opts.contacts),
  )
  await inChunks(
    opts.activities,
    size,
    async (from, to) => {
      await insertDemoActivities(
        db,
        workspaceId,
        range(from, to).map((i) => activityRow(ctx, i)),
      )
    },
    report('activities', opts.activities),
  )
  const deals = opts.deals ?? Math.round(opts.contacts / 5)
  await addDemoSales(db, {
    workspaceId,
    deals,
    companies: opts.companies,
    contacts: opts.contacts,
    seed: ctx.seed,
    ownerIds: ctx.ownerIds,
    now: ctx.now,
    chunkSize: size,
    onProgress: opts.onProgress,
  })
  // Fresh statistics: without them the first queries on millions of new rows plan badly.
  await vacuumNow(db, 'demo')
  return {
    workspaceId,
    adminEmail: opts.adminEmail,
    isAdminNew,
    password,
    users: people.emails,
    counts: {
      companies: opts.companies,
      contacts: opts.contacts,
      activities: opts.activities,
      deals,
    },
    ms: Date.now() - started,
  }
}
