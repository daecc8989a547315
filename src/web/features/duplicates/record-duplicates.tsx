import { Button } from '@mantine/core'
import { IconCopy } from '@tabler/icons-react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { DuplicateObjectType } from '../../../shared/duplicates.schema'
import { useCan } from '../admin/use-can'

/** "Find duplicates" on a contact or company page: the queue of that record, scanned anew. */
export function FindDuplicatesButton({
  objectType,
  id,
}: {
  objectType: DuplicateObjectType
  id: string
}) {
  const { t } = useTranslation()
  const canScan = useCan(objectType === 'contact' ? 'contacts' : 'companies', 'update')
  if (!canScan) return null
  return (
    <Button
      component={Link}
      to={`/duplicates?objectType=${objectType}&recordId=${id}`}
      variant="default"
      leftSection={<IconCopy size={16} />}
    >
      {t('duplicates.findForRecord')}
    </Button>
  )
}

/**
 * A merged record's URL answers with its survivor (the API redirects); show the survivor's own
 * URL, so links and the back button lead to the record that lives on.
 */
export function useMergedRedirect(
  path: 'contacts' | 'companies',
  requestedId: string,
  loadedId?: string,
) {
  const navigate = useNavigate()
  useEffect(() => {
    if (loadedId && loadedId !== requestedId)
      void navigate(`/${path}/${loadedId}`, { replace: true })
  }, [path, requestedId, loadedId, navigate])
}
