import { DndContext, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core'
import {
  Badge,
  Button,
  Group,
  NumberInput,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core'
import { IconPlus, IconSettings, IconTimeline } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { BoardCard, BoardQuery } from '../../../shared/deals.schema'
import { getBoard } from '../../../shared/sales.api'
import { EmptyHint } from '../../components/ui/empty-hint'
import { ErrorState } from '../../components/ui/error-state'
import { PageSkeleton } from '../../components/ui/page-skeleton'
import { api } from '../../lib/api'
import { useTeams } from '../admin/teams/teams.queries'
import { useUsers } from '../users/users.queries'
import { BoardColumn } from './board-column'
import { DealList } from './deal-list'
import { gateRefusalText } from './gate-refusal'
import { NewDealModal } from './new-deal-modal'
import { useBoard, useMoveDeal, usePipelines } from './sales.queries'
import { useBoardEvents } from './use-board-events'

type Extra = Record<string, { cards: BoardCard[]; cursor: string | null }>

export default function PipelineBoardPage() {
  const { t } = useTranslation()
  const pipelines = usePipelines()
  const [params, setParams] = useSearchParams()
  const pipelineId = params.get('pipeline') ?? pipelines.data?.[0]?.id ?? ''
  const pipeline = pipelines.data?.find((p) => p.id === pipelineId)
  const [filters, setFilters] = useState<Partial<BoardQuery>>({})
  const [view, setView] = useState('board')
  const [isNewOpen, setNewOpen] = useState(false)
  const [refusals, setRefusals] = useState<Record<string, string>>({})
  const [extra, setExtra] = useState<Extra>({})
  const board = useBoard(pipelineId, filters)
  const move = useMoveDeal(pipelineId)
  const isLive = useBoardEvents(pipelineId)
  const { users, byId } = useUsers()
  const teams = useTeams()
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }))
  useEffect(() => setExtra({}), [board.data])

  if (pipelines.isPending) return <PageSkeleton />
  if (pipelines.isError) return <ErrorState error={pipelines.error} />
  if (!pipeline)
    return (
      <EmptyHint
        icon={<IconTimeline />}
        title={t('sales.board.noPipeline')}
        hint={t('sales.board.noPipelineHint')}
        action={
          <Button component={Link} to="/pipeline/settings">
            {t('sales.board.settings')}
          </Button>
        }
      />
    )

  const onDragEnd = (e: DragEndEvent) => {
    const over = e.over
    if (!over) return
    const dealId = String(e.active.id)
    const toStage = String(
      (over.data.current as { stageId?: string } | undefined)?.stageId ?? over.id,
    )
    const column = board.data?.columns.find((c) => c.stageId === toStage)
    const index = column?.cards.findIndex((c) => c.id === over.id) ?? -1
    setRefusals(({ [dealId]: _gone, ...rest }) => rest)
    move.mutate(
      { id: dealId, stageId: toStage, position: index >= 0 ? index : undefined },
      {
        onError: (err) =>
          setRefusals((r) => ({ ...r, [dealId]: gateRefusalText(err, pipeline, toStage, t) })),
      },
    )
  }
  const loadMore = async (stageId: string, cursor: string) => {
    const page = await getBoard(api, pipelineId, { ...filters, stageId, cursor })
    const col = page.columns[0]
    if (col)
      setExtra((x) => ({
        ...x,
        [stageId]: { cards: [...(x[stageId]?.cards ?? []), ...col.cards], cursor: col.nextCursor },
      }))
  }
  const setFilter = (patch: Partial<BoardQuery>) => setFilters((f) => ({ ...f, ...patch }))

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={1} size="h2">
            {t('sales.board.title')}
          </Title>
          <Select
            aria-label={t('sales.board.pipeline')}
            data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={pipelineId}
            onChange={(v) => v && setParams({ pipeline: v })}
            allowDeselect={false}
          />
          {isLive && (
            <Badge color="teal" variant="dot">
              {t('sales.board.live')}
            </Badge>
          )}
        </Group>
        <Group>
          <SegmentedControl
            value={view}
            onChange={setView}
            data={[
              { value: 'board', label: t('sales.board.boardView') },
              { value: 'list', label: t('sales.board.listView') },
            ]}
          />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setNewOpen(true)}>
            {t('sales.board.newDeal')}
          </Button>
          <Button
            variant="default"
            component={Link}
            to="/pipeline/settings"
            leftSection={<IconSettings size={16} />}
          >
            {t('sales.board.settings')}
          </Button>
        </Group>
      </Group>
      <Group align="flex-end">
        <Select
          label={t('sales.filters.owner')}
          clearable
          data={users.map((u) => ({ value: u.id, label: u.name }))}
          value={filters.ownerId ?? null}
          onChange={(v) => setFilter({ ownerId: v ?? undefined })}
        />
        <Select
          label={t('sales.filters.team')}
          clearable
          data={(teams.data?.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
          value={filters.teamId ?? null}
          onChange={(v) => setFilter({ teamId: v ?? undefined })}
        />
        <TextInput
          type="date"
          label={t('sales.filters.closeFrom')}
          value={filters.closeFrom ?? ''}
          onChange={(e) => setFilter({ closeFrom: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label={t('sales.filters.closeTo')}
          value={filters.closeTo ?? ''}
          onChange={(e) => setFilter({ closeTo: e.currentTarget.value || undefined })}
        />
        <NumberInput
          w={140}
          label={t('sales.filters.minScore')}
          min={0}
          max={100}
          value={filters.minScore ?? ''}
          onChange={(v) => setFilter({ minScore: v === '' ? undefined : Number(v) })}
        />
      </Group>
      {view === 'list' ? (
        <DealList pipeline={pipeline} filters={filters} />
      ) : board.isPending ? (
        <PageSkeleton />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <DndContext sensors={sensors} onDragEnd={onDragEnd}>
          <ScrollArea type="auto">
            <Group align="flex-start" wrap="nowrap" gap="sm" pb="md">
              {board.data.columns.map((col) => {
                const more = extra[col.stageId]
                const cursor = more ? more.cursor : col.nextCursor
                return (
                  <BoardColumn
                    key={col.stageId}
                    column={col}
                    currency={board.data.currency}
                    extraCards={more?.cards ?? []}
                    ownerName={(id) => (id ? byId.get(id)?.name : undefined)}
                    refusals={refusals}
                    onMore={cursor ? () => void loadMore(col.stageId, cursor) : undefined}
                  />
                )
              })}
            </Group>
          </ScrollArea>
        </DndContext>
      )}
      <NewDealModal
        key={pipeline.id}
        pipeline={pipeline}
        opened={isNewOpen}
        onClose={() => setNewOpen(false)}
      />
    </Stack>
  )
}
