import type { Activity, ActivityUpdate } from '../../../shared/activities.schema'
import type { CustomField } from '../../../shared/custom-fields.schema'
import { fieldError } from '../../errors'
import { validateCustomValues } from '../custom-fields/custom-values'
import { prefixPaths } from '../companies/companies.service'
import type { RecordEvent } from '../timeline/timeline.service'
import type { ActivityValues } from './activities.repo'

/**
 * Applies a create or patch onto the stored values. Due time and done belong to tasks only;
 * other kinds default their time to now, since they are mostly logged as they happen.
 */
export function mergeActivityValues(
  input: ActivityUpdate,
  existing: ActivityValues | undefined,
  defs: CustomField[],
  pathPrefix: string,
  now: Date,
): ActivityValues {
  const base: ActivityValues = existing ?? {
    type: 'note',
    subject: '',
    body: null,
    occurredAt: null,
    dueAt: null,
    doneAt: null,
    durationMinutes: null,
    assigneeId: null,
    companyId: null,
    contactId: null,
    custom: {},
  }
  const pick = <K extends keyof ActivityValues>(key: K, value: ActivityValues[K] | undefined) =>
    value === undefined ? base[key] : value
  let custom: Record<string, unknown>
  try {
    custom = validateCustomValues(defs, input.custom, existing?.custom)
  } catch (err) {
    throw prefixPaths(err, pathPrefix)
  }
  const type = pick('type', input.type)
  const isTask = type === 'task'
  if (!isTask && input.dueAt) throw fieldError(`${pathPrefix}dueAt`, 'task_only')
  if (!isTask && input.done) throw fieldError(`${pathPrefix}done`, 'task_only')
  const doneAt =
    input.done === undefined ? base.doneAt : input.done ? (base.doneAt ?? now.toISOString()) : null
  const occurredAt = pick(
    'occurredAt',
    input.occurredAt && new Date(input.occurredAt).toISOString(),
  )
  return {
    type,
    subject: pick('subject', input.subject),
    body: pick('body', input.body),
    occurredAt: occurredAt ?? (existing || isTask ? null : now.toISOString()),
    // A task turned into a call keeps no due time or completion.
    dueAt: isTask ? pick('dueAt', input.dueAt && new Date(input.dueAt).toISOString()) : null,
    doneAt: isTask ? doneAt : null,
    durationMinutes: pick('durationMinutes', input.durationMinutes),
    assigneeId: pick('assigneeId', input.assigneeId),
    companyId: pick('companyId', input.companyId),
    contactId: pick('contactId', input.contactId),
    custom,
  }
}

/**
 * `activity` events on the company and contact an activity is linked to (before and after a
 * change), so their timelines show the activity among their own changes.
 */
export function linkedEvents(
  action: 'created' | 'updated' | 'completed' | 'deleted',
  activity: Activity,
  before?: Activity,
): RecordEvent[] {
  const data = { activityId: activity.id, type: activity.type, subject: activity.subject, action }
  const targets = new Map<string, RecordEvent>()
  for (const a of before ? [before, activity] : [activity]) {
    if (a.companyId)
      targets.set(`company:${a.companyId}`, {
        objectType: 'company',
        recordId: a.companyId,
        eventType: 'activity',
        data,
      })
    if (a.contactId)
      targets.set(`contact:${a.contactId}`, {
        objectType: 'contact',
        recordId: a.contactId,
        eventType: 'activity',
        data,
      })
  }
  return [...targets.values()]
}
