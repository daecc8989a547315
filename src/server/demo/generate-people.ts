import * as fi from './finnish-data'
import { searchText as activitySearchText } from '../modules/activities/activities.repo'
import { searchText as contactSearchText } from '../modules/contacts/contacts.repo'
import {
  asciiSlug,
  companyDomain,
  companyId,
  contactId,
  idBase,
  stream,
  type DemoContext,
} from './generate'
import { demoId, rngFor } from './random'

const dayMs = 24 * 3600 * 1000

export function mobileNumber(r: {
  pick<T>(a: readonly T[]): T
  int(a: number, b: number): number
}) {
  return `+358${r.pick(fi.mobilePrefixes)}${String(r.int(1_000_000, 9_999_999))}`
}

export function contactRow(c: DemoContext, i: number) {
  const r = rngFor(c.seed, stream.contact, i)
  const isFemale = r.chance(0.5)
  const firstName = r.pick(isFemale ? fi.femaleFirstNames : fi.maleFirstNames)
  const lastName = r.pick(fi.lastNames)
  const companyIndex = c.companies > 0 ? r.int(0, c.companies - 1) : null
  const domain = companyIndex === null ? 'example.fi' : companyDomain(c, companyIndex)
  const values = {
    firstName,
    lastName,
    emails: [
      {
        address: `${asciiSlug(firstName)}.${asciiSlug(lastName)}@${domain}`,
        label: 'työ',
        primary: true,
      },
    ],
    phones: [{ number: mobileNumber(r), label: 'mobile' }],
    title: r.pick(fi.titles),
    language: r.chance(0.9) ? 'fi' : r.pick(['sv', 'en']),
    birthDate: null,
    gender: isFemale ? 'female' : 'male',
    interests: r.chance(0.3) ? [r.pick(fi.interests)] : [],
    address: null,
    lifecycleStage: r.pick(['lead', 'prospect', 'customer', 'customer', 'former']),
    ownerId: c.ownerIds.length ? r.pick(c.ownerIds) : null,
    source: { channel: r.pick(fi.sourceChannels) },
    custom: {},
  }
  const created = new Date(c.now.getTime() - Math.floor(r.next() * 730 * dayMs))
  const links =
    companyIndex === null
      ? []
      : [{ company_id: companyId(c, companyIndex), role: r.pick(fi.linkRoles), is_primary: true }]
  if (companyIndex !== null && c.companies > 1 && r.chance(0.1)) {
    const other = (companyIndex + r.int(1, c.companies - 1)) % c.companies
    links.push({ company_id: companyId(c, other), role: r.pick(fi.linkRoles), is_primary: false })
  }
  return {
    row: {
      id: contactId(c, i),
      first_name: firstName,
      last_name: lastName,
      emails: values.emails,
      phones: values.phones,
      title: values.title,
      language: values.language,
      gender: values.gender,
      interests: values.interests,
      lifecycle_stage: values.lifecycleStage,
      owner_id: values.ownerId,
      source: values.source,
      search_text: contactSearchText({
        ...values,
        source: { ...emptySource, ...values.source },
      }),
      created_at: created.toISOString(),
      updated_at: created.toISOString(),
    },
    links,
    tagIds: c.tagIds.length && r.chance(0.3) ? [r.pick(c.tagIds)] : [],
  }
}

const emptySource = {
  channel: null,
  campaign: null,
  utm: { source: null, medium: null, campaign: null, term: null, content: null },
  referrer: null,
  keyword: null,
}

/** Calls, meetings, emails, notes and tasks over the last two years; tasks also ahead. */
export function activityRow(c: DemoContext, i: number) {
  const r = rngFor(c.seed, stream.activity, i)
  const type = r.pick(['call', 'call', 'meeting', 'email', 'note', 'task', 'task'] as const)
  const subject = r.pick(fi.activitySubjects[type] ?? ['Muistiinpano'])
  const body = r.pick(fi.activityBodies)
  const occurred = new Date(c.now.getTime() - Math.floor(r.next() * 730 * dayMs))
  const contactIndex = c.contacts > 0 ? r.int(0, c.contacts - 1) : null
  const companyIndex = c.companies > 0 ? r.int(0, c.companies - 1) : null
  const onContact = contactIndex !== null && (companyIndex === null || r.chance(0.75))
  const isTask = type === 'task'
  const due = isTask ? new Date(occurred.getTime() + r.int(1, 30) * dayMs) : null
  const done = isTask ? (due && due < c.now && r.chance(0.8) ? due : null) : occurred
  return {
    id: demoId(c.seed, stream.activity, i, idBase + i),
    type,
    subject,
    body,
    occurred_at: isTask ? null : occurred.toISOString(),
    due_at: due?.toISOString() ?? null,
    done_at: isTask ? (done?.toISOString() ?? null) : null,
    duration_minutes:
      type === 'call' ? r.int(2, 45) : type === 'meeting' ? r.pick([30, 45, 60, 90]) : null,
    assignee_id: c.ownerIds.length ? r.pick(c.ownerIds) : null,
    contact_id: onContact && contactIndex !== null ? contactId(c, contactIndex) : null,
    company_id: !onContact && companyIndex !== null ? companyId(c, companyIndex) : null,
    search_text: activitySearchText({
      type,
      subject,
      body,
      occurredAt: null,
      dueAt: null,
      doneAt: null,
      durationMinutes: null,
      assigneeId: null,
      companyId: null,
      contactId: null,
      custom: {},
    }),
    created_at: occurred.toISOString(),
    updated_at: occurred.toISOString(),
  }
}
