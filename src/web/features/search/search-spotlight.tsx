import { Loader } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { Spotlight } from '@mantine/spotlight'
import { IconBuilding, IconChecklist, IconClock, IconSearch, IconUser } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { SearchResult } from '../../../shared/search.schema'
import { readRecent, recentPath, type RecentItem } from '../../lib/recent'
import { useSearch } from './search.queries'

const icons = { company: IconBuilding, contact: IconUser, activity: IconChecklist } as const

function resultPath(r: SearchResult): string {
  if (r.type === 'activity') return `/activities?id=${r.id}`
  return recentPath({ type: r.type, id: r.id })
}

/** Ctrl/Cmd+K anywhere: search every object; with no query, the records opened lately. */
export function SearchSpotlight() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [query, setQuery] = useState('')
  // Short debounce: results should follow typing, not every keystroke.
  const [debounced] = useDebouncedValue(query, 120)
  const results = useSearch(debounced)
  const [recent, setRecent] = useState<RecentItem[]>([])
  const isSearching = query.trim().length > 0

  const items = isSearching
    ? (results.data?.data ?? []).map((r) => ({
        key: `${r.type}-${r.id}`,
        label: r.title,
        description: [t(`search.types.${r.type}`), r.subtitle].filter(Boolean).join(' · '),
        icon: icons[r.type],
        path: resultPath(r),
      }))
    : recent.map((r) => ({
        key: `${r.type}-${r.id}`,
        label: r.label,
        description: t(`search.types.${r.type}`),
        icon: IconClock,
        path: recentPath(r),
      }))

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K', '/']}
      onSpotlightOpen={() => setRecent(readRecent())}
      scrollable
      maxHeight={420}
    >
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        leftSection={results.isFetching ? <Loader size={16} /> : <IconSearch size={18} />}
      />
      <Spotlight.ActionsList aria-label={isSearching ? t('common.search') : t('search.recent')}>
        {items.map(({ key, icon: Icon, path, ...rest }) => (
          <Spotlight.Action
            key={key}
            {...rest}
            leftSection={<Icon size={20} stroke={1.5} />}
            onClick={() => void navigate(path)}
          />
        ))}
        {items.length === 0 && (
          <Spotlight.Empty>
            {isSearching ? t('search.nothing') : t('myDay.noRecent')}
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  )
}
