// Roles, what each may do to each kind of object, and API key scopes. Shared so the web app
// hides what the server would refuse; the server is the one that enforces it.
export const roles = ['admin', 'manager', 'sales', 'marketing', 'service', 'read-only'] as const
export type Role = (typeof roles)[number]

export const visibilityScopes = ['own', 'team', 'all'] as const
export type VisibilityScope = (typeof visibilityScopes)[number]

export const actions = ['read', 'create', 'update', 'delete'] as const
export type Action = (typeof actions)[number]

// Resource names are the URL segments under /api/v1.
export const resources = [
  'companies',
  'contacts',
  'activities',
  'tags',
  'custom-fields',
  'users',
  'teams',
  'api-keys',
  'audit-log',
  'workspace',
  'purposes',
  'consents',
  'privacy-requests',
  'retention-policies',
  'pipelines',
  'deals',
  'products',
  'quotes',
  'forecast',
  'targets',
  'leads',
] as const
export type Resource = (typeof resources)[number]

const all: Action[] = ['read', 'create', 'update', 'delete']
const readOnly: Action[] = ['read']
const crm = { companies: all, contacts: all, activities: all, tags: all }
const salesAll = Object.fromEntries(
  ['pipelines', 'deals', 'products', 'quotes', 'forecast', 'targets', 'leads'].map((r) => [r, all]),
)
const salesRead = Object.fromEntries(
  ['pipelines', 'deals', 'products', 'quotes', 'forecast', 'targets', 'leads'].map((r) => [
    r,
    readOnly,
  ]),
)
// Privacy (GDPR): managers handle data subject requests, marketing manages consents, everyone
// who meets customers can log a request they receive.
const privacyRead = {
  purposes: readOnly,
  consents: readOnly,
  'privacy-requests': readOnly,
  'retention-policies': readOnly,
}
const logRequests: Action[] = ['create']

export const roleRights: Record<Role, Partial<Record<Resource, Action[]>>> = {
  admin: Object.fromEntries(resources.map((r) => [r, all])),
  manager: {
    ...crm,
    ...salesAll,
    'custom-fields': readOnly,
    users: readOnly,
    teams: all,
    workspace: readOnly,
    ...privacyRead,
    'privacy-requests': all,
  },
  sales: {
    ...crm,
    ...salesRead,
    deals: all,
    leads: all,
    quotes: all,
    'custom-fields': readOnly,
    users: readOnly,
    teams: readOnly,
    workspace: readOnly,
    consents: readOnly,
    'privacy-requests': logRequests,
  },
  marketing: {
    ...crm,
    ...salesRead,
    leads: all,
    'custom-fields': readOnly,
    users: readOnly,
    teams: readOnly,
    workspace: readOnly,
    purposes: readOnly,
    consents: all,
  },
  service: {
    ...salesRead,
    companies: ['read', 'update'],
    contacts: ['read', 'create', 'update'],
    activities: all,
    tags: readOnly,
    'custom-fields': readOnly,
    users: readOnly,
    teams: readOnly,
    workspace: readOnly,
    consents: readOnly,
    'privacy-requests': logRequests,
  },
  'read-only': {
    ...salesRead,
    companies: readOnly,
    contacts: readOnly,
    activities: readOnly,
    tags: readOnly,
    'custom-fields': readOnly,
    users: readOnly,
    teams: readOnly,
    workspace: readOnly,
    ...privacyRead,
  },
}

export function roleCan(role: Role, resource: Resource, action: Action): boolean {
  return roleRights[role][resource]?.includes(action) ?? false
}

/** API key scopes: `<resource>:read`, `<resource>:write` (create, update, delete) or `*`. */
export const apiKeyScopes = ['*', ...resources.flatMap((r) => [`${r}:read`, `${r}:write`])] as const
export type ApiKeyScope = (typeof apiKeyScopes)[number]

export function scopeAllows(
  scopes: readonly string[],
  resource: Resource,
  action: Action,
): boolean {
  if (scopes.includes('*')) return true
  return scopes.includes(`${resource}:${action === 'read' ? 'read' : 'write'}`)
}
