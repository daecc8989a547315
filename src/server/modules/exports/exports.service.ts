import { Readable } from 'node:stream'
import type { ListQuery, Page } from '../../../shared/common.schema'
import type { Company } from '../../../shared/companies.schema'
import type { Contact } from '../../../shared/contacts.schema'
import type { ExportQuery } from '../../../shared/exports.schema'
import type { Deps } from '../../deps'
import type { Actor } from '../../lib/actor'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { listCompanies } from '../companies/companies.service'
import { readContactsForExport } from '../contacts/contacts-read.service'
import { customFieldDefinitions } from '../custom-fields/definitions-cache'
import { companyColumns, contactColumns, customColumns, type Column } from './export-columns'
import { csvChunks, vcardChunks, xlsxStream } from './export-formats'

// Exports of any list or filter, streamed page by page through the list services, so the same
// visibility, filters and personal-data audit apply as to the list views.

// Pages of 5,000 (the API's lists stop at 500; this is the service, not the HTTP query): a
// million rows are 200 statements instead of 2,000, each with its personal-data read audit.
const defaultPageSize = 5000

/** A page read in two steps: its next cursor first, its rows when they are complete. */
type StagedPage<T> = { nextCursor: string | null; rows: Promise<T[]> }

// Pages read ahead of the one being written out. Each page's read starts as soon as the previous
// page's cursor is known, so on a server the next page's rows, this page's tags and links and the
// CSV writer run at the same time (three pooled connections at most, besides the audit).
const pagesAhead = 2

/**
 * Pages of a list (`query.limit` rows each), read ahead of the writer; the first is read before
 * anything is sent, so bad filters answer 400.
 */
async function pager<T>(
  load: (q: ListQuery) => Promise<StagedPage<T>>,
  query: ListQuery,
): Promise<AsyncIterable<T[]>> {
  const first = await load(query)
  await first.rows
  const after = (prev: Promise<StagedPage<T> | null>): Promise<StagedPage<T> | null> => {
    const next = prev.then((p) => (p?.nextCursor ? load({ ...query, cursor: p.nextCursor }) : null))
    // A failed read surfaces when its page is awaited below, not as an unhandled rejection.
    next.then(
      (p) => p?.rows.catch(() => undefined),
      () => undefined,
    )
    return next
  }
  return (async function* () {
    const queue: Promise<StagedPage<T> | null>[] = [Promise.resolve(first)]
    while (queue.length <= pagesAhead) queue.push(after(queue[queue.length - 1]!))
    for (;;) {
      const page = await queue.shift()!
      if (!page) return
      queue.push(after(queue[queue.length - 1]!))
      yield await page.rows
    }
  })()
}

/** A list service's page as a staged page (read in one step). */
const inOneStep =
  <T>(list: (q: ListQuery) => Promise<Page<T>>) =>
  async (q: ListQuery): Promise<StagedPage<T>> => {
    const page = await list(q)
    return { nextCursor: page.nextCursor, rows: Promise.resolve(page.data) }
  }

export type ExportResult = { stream: Readable; contentType: string; filename: string }

const types = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  vcard: 'text/vcard; charset=utf-8',
}

const exportSort = '-updatedAt'

export async function exportRecords(
  deps: Deps,
  actor: Actor,
  q: ExportQuery,
  // Smaller pages only for tests of paging.
  { pageSize = defaultPageSize }: { pageSize?: number } = {},
): Promise<ExportResult> {
  const { object, format, delimiter, bom: bomText, ...rest } = q
  const bom = bomText === 'true'
  // An export wants every match: a search without `sort` is ranked and reads only the best
  // candidates (list-query.ts), so an export always runs in a sort order.
  const query: ListQuery = { ...rest, sort: rest.sort ?? exportSort, limit: pageSize }
  const isContacts = object === 'contacts'
  authorize(actor, object, 'read')
  const defs = await customFieldDefinitions(
    deps.db,
    actor.workspaceId,
    isContacts ? 'contact' : 'company',
  )
  const keys = defs.map((d) => d.key)
  await audit(deps.db, actor, {
    action: 'export',
    objectType: isContacts ? 'contact' : 'company',
    details: { format, filter: rest.filter ?? null, q: rest.q ?? null },
  })
  const ext = format === 'vcard' ? 'vcf' : format
  const filename = `${object}-${new Date().toISOString().slice(0, 10)}.${ext}`
  const onError = (err: unknown) => deps.log.error({ err }, 'export failed')
  if (isContacts) {
    const pages = await pager(async (lq) => {
      const page = await readContactsForExport(deps, actor, lq)
      return { nextCursor: page.nextCursor, rows: page.contacts }
    }, query)
    const columns = [...contactColumns, ...customColumns<Contact>(keys)]
    return {
      stream: writer(format, pages, columns, { delimiter, bom }, onError, true),
      contentType: types[format],
      filename,
    }
  }
  const pages = await pager(
    inOneStep((lq) => listCompanies(deps, actor, lq)),
    query,
  )
  const columns = [...companyColumns, ...customColumns<Company>(keys)]
  const f = format === 'vcard' ? 'csv' : format
  return {
    stream: writer(f, pages, columns, { delimiter, bom }, onError, false),
    contentType: types[f],
    filename: filename.replace(/\.vcf$/, '.csv'),
  }
}

function writer<T>(
  format: ExportQuery['format'],
  pages: AsyncIterable<T[]>,
  columns: Column<T>[],
  opts: { delimiter: string; bom: boolean },
  onError: (err: unknown) => void,
  isContacts: boolean,
): Readable {
  if (format === 'xlsx') return xlsxStream(pages, columns, 'Export', onError)
  if (format === 'vcard' && isContacts)
    return Readable.from(vcardChunks(pages as AsyncIterable<Contact[]>))
  return Readable.from(csvChunks(pages, columns, opts))
}
