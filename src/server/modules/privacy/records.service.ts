import type { RecordsOfProcessing } from '../../../shared/privacy.schema'
import type { Deps } from '../../deps'
import type { Actor } from '../../lib/actor'
import { csvLine } from '../../lib/csv'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { listPurposeRows } from './purposes.repo'
import { countSubjectsByPurpose } from './records.repo'
import { listPolicyRows } from './retention.repo'
import { workspaceName } from './privacy.repo'

// Records of processing activities (GDPR art. 30), built from the purposes and retention
// policies as they are configured, so the document never drifts from what the system does.

export async function recordsOfProcessing(deps: Deps, actor: Actor): Promise<RecordsOfProcessing> {
  authorize(actor, 'purposes', 'read')
  const [purposes, subjects, policies, controller] = await Promise.all([
    listPurposeRows(deps.db, actor.workspaceId),
    countSubjectsByPurpose(deps.db, actor.workspaceId),
    listPolicyRows(deps.db, actor.workspaceId),
    workspaceName(deps.db, actor.workspaceId),
  ])
  await audit(deps.db, actor, { action: 'export', objectType: 'records_of_processing' })
  return {
    controller,
    generatedAt: new Date().toISOString(),
    activities: purposes
      .filter((p) => p.isActive)
      .map((p) => ({
        purposeKey: p.key,
        nameFi: p.nameFi,
        nameEn: p.nameEn,
        descriptionFi: p.descriptionFi,
        descriptionEn: p.descriptionEn,
        legalBasis: p.legalBasis,
        channels: p.channels,
        dataCategories: p.dataCategories,
        recipients: p.recipients,
        retentionPeriod: p.retentionPeriod,
        dataSubjects: subjects.get(p.id) ?? 0,
      })),
    retentionPolicies: policies.map((r) => r.policy),
  }
}

export function recordsCsv(r: RecordsOfProcessing, lang: 'fi' | 'en'): string {
  const head =
    lang === 'fi'
      ? [
          'Tarkoitus',
          'Kuvaus',
          'Oikeusperuste',
          'Kanavat',
          'Tietoryhmät',
          'Vastaanottajat',
          'Säilytysaika',
          'Rekisteröityjä',
        ]
      : [
          'Purpose',
          'Description',
          'Legal basis',
          'Channels',
          'Data categories',
          'Recipients',
          'Retention',
          'Data subjects',
        ]
  const rows = r.activities.map((a) => [
    lang === 'fi' ? a.nameFi : a.nameEn,
    lang === 'fi' ? a.descriptionFi : a.descriptionEn,
    a.legalBasis,
    a.channels.join('; '),
    a.dataCategories.join('; '),
    a.recipients.join('; '),
    a.retentionPeriod,
    a.dataSubjects,
  ])
  return '\ufeff' + csvLine(head) + rows.map((row) => csvLine(row)).join('')
}
