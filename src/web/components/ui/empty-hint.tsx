import { EmptyState } from '@mantine/core'
import type { ReactNode } from 'react'

/** An empty list that says what to do next, with the action to do it. */
export function EmptyHint(props: {
  icon: ReactNode
  title: string
  hint: string
  action?: ReactNode
}) {
  return (
    <EmptyState my="xl" icon={props.icon} title={props.title} description={props.hint}>
      {props.action}
    </EmptyState>
  )
}
