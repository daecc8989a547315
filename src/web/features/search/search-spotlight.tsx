import { Loader, Modal, VisuallyHidden } from '@mantine/core'
import { Spotlight, spotlight } from '@mantine/spotlight'
import { IconBuilding, IconChecklist, IconClock, IconSearch, IconUser } from '@tabler/icons-react'
import { useEffect, useId, useState, type CSSProperties, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { SearchResult } from '../../../shared/search.schema'
import { readRecent, recentPath, type RecentItem } from '../../lib/recent'
import { useSearchAsYouType } from './search.queries'

const icons = { company: IconBuilding, contact: IconUser, activity: IconChecklist } as const
const classes = Spotlight.classes

type Item = {
  key: string
  label: string
  description: string
  icon: typeof IconClock
  path: string
}

function resultPath(r: SearchResult): string {
  if (r.type === 'activity') return `/activities?id=${r.id}`
  return recentPath({ type: r.type, id: r.id })
}

/**
 * Ctrl/Cmd+K (or /) anywhere: search every object; with no text, the records opened lately.
 * Mantine's Spotlight gives the dialog, the shortcut and the input; the results are our own
 * ARIA combobox + listbox (Spotlight renders plain buttons and marks the selection only with
 * data-selected), so screen readers hear the options and the one the arrow keys are on.
 */
export function SearchSpotlight() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const listId = useId()
  const [query, setQuery] = useState('')
  const term = query.trim()
  const { results, type } = useSearchAsYouType()
  const [recent, setRecent] = useState<RecentItem[]>([])
  const [cursor, setCursor] = useState({ of: '', index: 0 })
  const isSearching = term.length > 0
  // Only an answer to exactly the text in the box is offered; older ones are shown dimmed.
  const answer = results.data
  const isFresh = isSearching && answer?.term === term && !results.isPlaceholderData

  const toItem = (r: SearchResult): Item => ({
    key: `${r.type}-${r.id}`,
    label: r.title,
    description: [t(`search.types.${r.type}`), r.subtitle].filter(Boolean).join(' · '),
    icon: icons[r.type],
    path: resultPath(r),
  })
  const items: Item[] = !isSearching
    ? recent.map((r) => ({
        key: `${r.type}-${r.id}`,
        label: r.label,
        description: t(`search.types.${r.type}`),
        icon: IconClock,
        path: recentPath(r),
      }))
    : isFresh
      ? answer.data.map(toItem)
      : []
  const stale = isSearching && !isFresh ? (answer?.data ?? []).map(toItem) : []
  // The highlighted option starts at the first one whenever the options change.
  const of = `${term}\n${items.map((i) => i.key).join(',')}`
  const active = cursor.of === of ? cursor.index : 0
  const optionId = (i: number) => `${listId}-option-${i}`
  const isExpanded = items.length > 0

  useEffect(() => {
    if (isExpanded) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' })
  })

  const open = (item: Item) => {
    spotlight.close()
    void navigate(item.path)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return
    const n = items.length
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (n > 0) setCursor({ of, index: (active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n })
    } else if (e.key === 'Enter') {
      e.preventDefault()
      const item = items[active]
      if (item) open(item)
    }
  }

  const isWaiting = isSearching && !isFresh
  const status = isWaiting
    ? t('search.searching')
    : isSearching
      ? items.length
        ? t('search.resultCount', { count: items.length })
        : t('search.nothing')
      : items.length
        ? t('search.recentCount', { count: items.length })
        : t('myDay.noRecent')

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={(text) => {
        setQuery(text)
        type(text)
      }}
      shortcut={['mod + K', '/']}
      onSpotlightOpen={() => setRecent(readRecent())}
      scrollable
      maxHeight={460}
      // No opening animation: the input takes the focus only once the dialog is in place, and
      // a fast typist's first keys after Ctrl+K would otherwise be lost.
      transitionProps={{ duration: 0 }}
    >
      {/* The dialog's accessible name; Spotlight itself renders no title. */}
      <VisuallyHidden>
        <Modal.Title>{t('search.dialog')}</Modal.Title>
      </VisuallyHidden>
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        role="combobox"
        aria-autocomplete="list"
        aria-haspopup="listbox"
        aria-expanded={isExpanded}
        aria-controls={isExpanded ? listId : undefined}
        aria-activedescendant={isExpanded ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        onKeyDown={onKeyDown}
        leftSection={
          isWaiting && results.isFetching ? <Loader size={16} /> : <IconSearch size={18} />
        }
      />
      <VisuallyHidden role="status">{status}</VisuallyHidden>
      <div className={classes.actionsList} style={{ overflowY: 'auto', maxHeight: 400 }}>
        {isExpanded && (
          <div
            role="listbox"
            id={listId}
            aria-label={isSearching ? t('search.results') : t('search.recent')}
          >
            {items.map((item, i) => (
              <SearchOption
                key={item.key}
                id={optionId(i)}
                item={item}
                isActive={i === active}
                onPick={() => open(item)}
                onHover={() => i !== active && setCursor({ of, index: i })}
              />
            ))}
          </div>
        )}
        {!isExpanded && stale.length > 0 && (
          // The answer to an earlier text, while the new one is on its way: seen, not offered.
          <div aria-hidden="true" style={{ opacity: 0.45, pointerEvents: 'none' }}>
            {stale.map((item) => (
              <SearchOption key={item.key} item={item} isActive={false} />
            ))}
          </div>
        )}
        {!isExpanded && stale.length === 0 && !isWaiting && (
          <div className={classes.empty}>{status}</div>
        )}
      </div>
    </Spotlight.Root>
  )
}

function SearchOption(props: {
  id?: string
  item: Item
  isActive: boolean
  onPick?: () => void
  onHover?: () => void
}) {
  const { item } = props
  const Icon = item.icon
  return (
    <div
      role={props.id ? 'option' : undefined}
      id={props.id}
      aria-selected={props.id ? props.isActive : undefined}
      data-selected={props.isActive || undefined}
      className={classes.action}
      // Spotlight dims the description of the selected option to 0.7, below AA contrast.
      style={{ cursor: 'pointer', '--action-description-opacity': 1 } as CSSProperties}
      // Keep the focus in the input: the listbox is driven from there.
      onMouseDown={(e) => e.preventDefault()}
      onClick={props.onPick}
      onMouseMove={props.onHover}
    >
      <span className={classes.actionSection} data-position="left" data-dimmed>
        <Icon size={20} stroke={1.5} />
      </span>
      <span className={classes.actionBody}>
        <span className={classes.actionLabel}>{item.label}</span>
        <span className={classes.actionDescription}>{item.description}</span>
      </span>
    </div>
  )
}
