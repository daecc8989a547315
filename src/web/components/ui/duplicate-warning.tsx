import { Alert, Anchor, List } from '@mantine/core'
import { IconCopy } from '@tabler/icons-react'
import { Link } from 'react-router'

/** "This already exists" while typing, with links to the existing records. */
export function DuplicateWarning(props: {
  title: string
  matches: { id: string; label: string; path: string }[]
}) {
  if (props.matches.length === 0) return null
  return (
    <Alert color="yellow" icon={<IconCopy size={18} />} title={props.title} role="status">
      <List size="sm">
        {props.matches.map((m) => (
          <List.Item key={m.id}>
            <Anchor component={Link} to={m.path}>
              {m.label}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}
