import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  createCustomField,
  deleteCustomField,
  listCustomFields,
  reorderCustomFields,
  updateCustomField,
} from '../../../../shared/custom-fields.api'
import type {
  CustomFieldCreate,
  CustomFieldObject,
  CustomFieldUpdate,
} from '../../../../shared/custom-fields.schema'
import { api } from '../../../lib/api'

// Same key as the lists' useCustomFields, so lists and forms see a change at once.
const key = (objectType: CustomFieldObject) => ['custom-fields', objectType] as const

export function useFieldDefinitions(objectType: CustomFieldObject) {
  return useQuery({ queryKey: key(objectType), queryFn: () => listCustomFields(api, objectType) })
}

function useFieldMutation<V, R>(objectType: CustomFieldObject, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: key(objectType) }),
  })
}

export const useCreateField = (o: CustomFieldObject) =>
  useFieldMutation(o, (input: CustomFieldCreate) => createCustomField(api, input))
export const useUpdateField = (o: CustomFieldObject) =>
  useFieldMutation(o, ({ id, input }: { id: string; input: CustomFieldUpdate }) =>
    updateCustomField(api, id, input),
  )
export const useDeleteField = (o: CustomFieldObject) =>
  useFieldMutation(o, (id: string) => deleteCustomField(api, id))
export const useReorderFields = (o: CustomFieldObject) =>
  useFieldMutation(o, (ids: string[]) => reorderCustomFields(api, { objectType: o, ids }))
