import { Alert, Fieldset, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

type Props = {
  /** The heading's id, which names the form. */
  id: string
  title: string
  help: string
  canEdit: boolean
  onSubmit: () => void
  /** The rows, each a `RuleRow`, or the empty state. */
  children: ReactNode
  /** A server message that names no row (under `_` of `ruleErrors`). */
  generalError?: string
  /** The buttons, and whatever follows them (a preview). */
  footer: ReactNode
}

/** The frame both rule editors share: titled form, read-only for roles that cannot edit. */
export function RulesForm({
  id,
  title,
  help,
  canEdit,
  onSubmit,
  children,
  generalError,
  footer,
}: Props) {
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      aria-labelledby={id}
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit()
      }}
    >
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {help}
      </Text>
      <Fieldset variant="unstyled" disabled={!canEdit}>
        <Stack gap="xs">
          {children}
          {generalError && (
            <Alert color="red" role="alert">
              {generalError}
            </Alert>
          )}
          {footer}
        </Stack>
      </Fieldset>
    </Paper>
  )
}

/** One rule's inputs in a row, named "Rule 2" for screen readers. */
export function RuleRow({ number, children }: { number: number; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Group align="flex-start" role="group" aria-label={t('sales.leadRules.ruleNumber', { number })}>
      {children}
    </Group>
  )
}
