// The charts' colours in the light and the dark theme. Used, requested, limits and allocatable keep
// the same colour everywhere (tables, bars, lines) so that a reader learns them once.

import type { Theme } from '@/shared/theme/theme'

export interface Palette {
  text: string
  subtle: string
  axis: string
  split: string
  tooltipBackground: string
  tooltipBorder: string
  used: string
  requested: string
  limits: string
  allocatable: string
  over: string
  warning: string
  /** Colours of further series (PromQL results, several metrics in one chart). */
  series: string[]
}

const LIGHT: Palette = {
  text: '#303133',
  subtle: '#6e7781',
  axis: '#d0d7de',
  split: '#eaeef2',
  tooltipBackground: '#ffffff',
  tooltipBorder: '#d0d7de',
  used: '#0969da',
  requested: '#8250df',
  limits: '#1b7c83',
  allocatable: '#57606a',
  over: '#cf222e',
  warning: '#bf8700',
  series: ['#0969da', '#1a7f37', '#8250df', '#bc4c00', '#bf3989', '#1b7c83', '#9a6700', '#57606a'],
}

const DARK: Palette = {
  text: '#e6edf3',
  subtle: '#9198a1',
  axis: '#3d444d',
  split: '#262c36',
  tooltipBackground: '#1d2127',
  tooltipBorder: '#3d444d',
  used: '#4493f8',
  requested: '#ab7df8',
  limits: '#39c5cf',
  allocatable: '#9198a1',
  over: '#f85149',
  warning: '#d29922',
  series: ['#4493f8', '#3fb950', '#ab7df8', '#f0883e', '#db61a2', '#39c5cf', '#d29922', '#9198a1'],
}

export function paletteOf(theme: Theme): Palette {
  return theme === 'dark' ? DARK : LIGHT
}
