import type { ApiClient } from './api-client'
import type { AuditEntry, AuditFilter } from './audit.schema'
import type { Page } from './common.schema'

export const listAuditLog = (
  api: ApiClient,
  query: AuditFilter & { limit?: number; cursor?: string },
) => api.get<Page<AuditEntry>>('/audit-log', query)
/** The CSV download of the filtered log, as a link the browser follows with the session cookie. */
export const auditLogExportUrl = (api: ApiClient, filter: AuditFilter) =>
  api.url('/audit-log/export', filter)
