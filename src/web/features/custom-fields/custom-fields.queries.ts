import { useQuery } from '@tanstack/react-query'
import { listCustomFields } from '../../../shared/custom-fields.api'
import type { CustomField, CustomFieldObject } from '../../../shared/custom-fields.schema'
import { api } from '../../lib/api'

const none: CustomField[] = []

export function useCustomFields(objectType: CustomFieldObject): CustomField[] {
  const query = useQuery({
    queryKey: ['custom-fields', objectType],
    queryFn: () => listCustomFields(api, objectType),
    staleTime: 5 * 60_000,
  })
  return query.data?.data ?? none
}

export function customFieldLabel(field: CustomField, lang: string): string {
  return lang === 'en' ? field.labelEn : field.labelFi
}
