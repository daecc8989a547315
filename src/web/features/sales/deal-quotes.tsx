import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { quotePdfUrl } from '../../../shared/sales.api'
import { api } from '../../lib/api'
import { formatMoney } from '../../lib/format'
import { notifyError } from '../../lib/problems'
import { useQuotes, useSaveQuote } from './sales.queries'

/** Quotes made from the deal, with PDF downloads and the status steps. */
export function DealQuotes({ dealId }: { dealId: string }) {
  const { t, i18n } = useTranslation()
  const quotes = useQuotes(dealId)
  const save = useSaveQuote(dealId)
  const onError = (e: unknown) => notifyError(e, t('common.error'))
  return (
    <Stack gap="xs">
      {(quotes.data ?? []).length === 0 && (
        <Text c="dimmed" size="sm">
          {t('sales.quotes.none')}
        </Text>
      )}
      {(quotes.data ?? []).map((q) => (
        <Group key={q.id} justify="space-between">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {t('sales.quotes.number', { number: q.number })}
            </Text>
            <Badge variant="light">{t(`sales.quotes.statuses.${q.status}`)}</Badge>
            <Text size="sm">{formatMoney(q.totals.gross, q.currency)}</Text>
          </Group>
          <Group gap="xs">
            <Anchor size="sm" href={quotePdfUrl(api, q.id, 'fi')}>
              {t('sales.quotes.pdfFi')}
            </Anchor>
            <Anchor size="sm" href={quotePdfUrl(api, q.id, 'en')}>
              {t('sales.quotes.pdfEn')}
            </Anchor>
            {q.status === 'draft' && (
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => save.mutate({ id: q.id, input: { status: 'sent' } }, { onError })}
              >
                {t('sales.quotes.markSent')}
              </Button>
            )}
            {q.status === 'sent' && (
              <>
                <Button
                  size="compact-xs"
                  color="teal"
                  variant="light"
                  onClick={() =>
                    save.mutate({ id: q.id, input: { status: 'accepted' } }, { onError })
                  }
                >
                  {t('sales.quotes.accept')}
                </Button>
                <Button
                  size="compact-xs"
                  color="red"
                  variant="light"
                  onClick={() =>
                    save.mutate({ id: q.id, input: { status: 'rejected' } }, { onError })
                  }
                >
                  {t('sales.quotes.reject')}
                </Button>
              </>
            )}
          </Group>
        </Group>
      ))}
      <Button
        size="xs"
        variant="default"
        w="fit-content"
        loading={save.isPending}
        onClick={() =>
          save.mutate(
            { input: { dealId, language: i18n.language === 'en' ? 'en' : 'fi' } },
            { onError },
          )
        }
      >
        {t('sales.quotes.create')}
      </Button>
    </Stack>
  )
}
