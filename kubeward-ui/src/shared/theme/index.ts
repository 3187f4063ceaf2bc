// The console's light/dark theme: remembered in localStorage, else the system's preference. Dark
// is Element Plus's own dark mode (the `dark` class on <html> with its CSS variables); the charts
// read the same choice (shared/charts/palette.ts) and are drawn again when it changes.

import { ref } from 'vue'
import { initialTheme, THEME_STORAGE_KEY, type Theme } from './theme'

export type { Theme } from './theme'

function remembered(): string | null {
  try {
    return localStorage.getItem(THEME_STORAGE_KEY)
  } catch {
    return null
  }
}

function prefersDark(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches
}

/** The theme in force; components read it, setTheme changes it. */
export const theme = ref<Theme>(typeof window === 'undefined' ? 'light' : initialTheme(remembered(), prefersDark()))

function apply(value: Theme): void {
  if (typeof document === 'undefined') return
  document.documentElement.classList.toggle('dark', value === 'dark')
  document.documentElement.dataset.theme = value
}
apply(theme.value)

export function setTheme(value: Theme): void {
  theme.value = value
  apply(value)
  try {
    localStorage.setItem(THEME_STORAGE_KEY, value)
  } catch {
    // private mode: the choice lasts for this page only
  }
}
