import { createTheme, darken, DEFAULT_THEME, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 keeps white text on filled buttons above WCAG AA's 4.5:1 (shade 6 is 4.0:1).
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  fontFamily: 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Links stay underlined: in dark mode their colour alone is too close to the text's (axe-core link-in-text-block).
    Anchor: { defaultProps: { underline: 'always' } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    // Mantine's close buttons are a bare icon: without these a screen reader announces an unnamed "button".
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Alert: { defaultProps: { closeButtonLabel: 'Dismiss' } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } },
  },
});

/**
 * Text colours darkened to WCAG AA (4.5:1, what axe-core's color-contrast rule checks) in light mode: "light" badges,
 * alerts and buttons write shade 9 on shade 1 (orange is 3.6:1, teal 4.3:1), dimmed text is gray.6 on white (3.3:1)
 * links indigo.7 on a light alert (4.2:1) and coloured text shade 7 on white (red 3.8:1). In dark mode dimmed text is one shade lighter than Mantine's.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-9)',
    ...Object.fromEntries(
      Object.entries(DEFAULT_THEME.colors).flatMap(([name, shades]) => [
        [`--mantine-color-${name}-light-color`, darken(shades[9], 0.3)],
        // c="red" and other text in a colour (shade 7 by default: red is 3.8:1 on white).
        [`--mantine-color-${name}-text`, darken(shades[9], 0.3)],
      ]),
    ),
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    // indigo.4 is 3.8:1 on a hovered dark row.
    '--mantine-color-anchor': 'var(--mantine-color-indigo-3)',
  },
});
