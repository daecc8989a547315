import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { IconLink, IconUnlink } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Contact } from '../../../shared/contacts.schema'
import { CompanyPicker } from '../../components/ui/company-picker'
import { errorMessage, notifyError } from '../../lib/problems'
import { useLinkCompany, useUnlinkCompany } from './contacts.queries'

/** The contact's companies with roles; link another company or remove a link. */
export function ContactCompanies({ contact: c }: { contact: Contact }) {
  const { t } = useTranslation()
  const link = useLinkCompany(c.id)
  const unlink = useUnlinkCompany(c.id)
  const [companyId, setCompanyId] = useState<string | null>(null)
  const [role, setRole] = useState('')

  const add = () => {
    if (!companyId) return
    link.mutate(
      { companyId, role: role || null },
      {
        onSuccess: () => {
          setCompanyId(null)
          setRole('')
        },
      },
    )
  }

  return (
    <Paper withBorder p="md" component="section" aria-label={t('contacts.companies')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('contacts.companies')}
        </Title>
        {c.companies.length ? (
          <List size="sm" spacing={4}>
            {c.companies.map((co) => (
              <List.Item key={co.companyId}>
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/companies/${co.companyId}`}>
                    {co.name}
                  </Anchor>
                  {co.role && (
                    <Text span size="sm" c="dimmed">
                      {co.role}
                    </Text>
                  )}
                  {co.isPrimary && (
                    <Badge size="xs" variant="light">
                      {t('contacts.primary')}
                    </Badge>
                  )}
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    aria-label={t('contacts.unlinkCompany', { name: co.name })}
                    onClick={() =>
                      unlink.mutate(co.companyId, {
                        onError: (e) => notifyError(e, t('common.error')),
                      })
                    }
                  >
                    <IconUnlink size={14} />
                  </ActionIcon>
                </Group>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t('contacts.noCompanies')}
          </Text>
        )}
        <Group align="flex-end" gap="xs" grow>
          <CompanyPicker label={t('fields.company')} value={companyId} onChange={setCompanyId} />
          <TextInput
            label={t('fields.role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
          />
        </Group>
        {link.error && (
          <Text size="sm" c="red" role="alert">
            {errorMessage(link.error, t('common.error'))}
          </Text>
        )}
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconLink size={14} />}
            disabled={!companyId}
            loading={link.isPending}
            onClick={add}
          >
            {t('contacts.linkCompany')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
