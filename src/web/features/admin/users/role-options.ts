import type { TFunction } from 'i18next'
import { roles, visibilityScopes } from '../../../../shared/permissions'

export const roleOptions = (t: TFunction) =>
  roles.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))
export const scopeOptions = (t: TFunction) =>
  visibilityScopes.map((s) => ({ value: s, label: t(`admin.scopes.${s}`) }))
