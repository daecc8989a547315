import { createTheme, Notification, type CSSVariablesResolver } from '@mantine/core'

// Darker shades than Mantine's defaults so text on filled and light buttons, links and dimmed
// text all reach WCAG AA contrast in both colour schemes. Mantine hovers a shade-9 button with
// shade 8, which is below 4.5:1 under white text, so the hover goes one step darker instead.
const baseTheme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 9 },
  defaultRadius: 'md',
})

/**
 * The theme with the texts Mantine's components need in the UI language: a notification's close
 * button has no name of its own (axe counts that as critical on every page showing one).
 */
export function themeFor(texts: { closeLabel: string }) {
  return createTheme({
    ...baseTheme,
    components: {
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': texts.closeLabel } },
      }),
    },
  })
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-teal-9)',
    '--mantine-color-teal-light': 'var(--mantine-color-teal-0)',
    '--mantine-color-teal-light-hover': 'var(--mantine-color-teal-1)',
    '--mantine-color-teal-filled-hover': '#076b4d',
  },
  dark: {
    '--mantine-color-teal-filled-hover': '#076b4d',
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-anchor': 'var(--mantine-color-teal-4)',
  },
})
