// Which theme the console starts in (pure, tested like the locale's choice).
export const THEMES = ['light', 'dark'] as const
export type Theme = (typeof THEMES)[number]
export const THEME_STORAGE_KEY = 'kubeward.theme'

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value)
}

/** The remembered choice wins; else the system's preference; else light. */
export function initialTheme(remembered: string | null, systemPrefersDark: boolean): Theme {
  if (isTheme(remembered)) return remembered
  return systemPrefersDark ? 'dark' : 'light'
}
