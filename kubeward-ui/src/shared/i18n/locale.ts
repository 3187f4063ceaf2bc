// Which language the console starts in: the one remembered in localStorage, else the browser's.
export const LOCALES = ['en', 'zh-CN'] as const
export type Locale = (typeof LOCALES)[number]
export const LOCALE_STORAGE_KEY = 'kubeward.locale'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** The remembered choice wins; else the first browser language we have; else English. */
export function initialLocale(remembered: string | null, browserLanguages: readonly string[]): Locale {
  if (isLocale(remembered)) return remembered
  for (const language of browserLanguages) {
    const lower = language.toLowerCase()
    if (lower.startsWith('zh')) return 'zh-CN'
    if (lower.startsWith('en')) return 'en'
  }
  return 'en'
}

/** The Accept-Language header for the API: the server localizes problem titles with it. */
export function acceptLanguage(locale: Locale): string {
  return locale === 'zh-CN' ? 'zh-CN,zh;q=0.9,en;q=0.5' : 'en'
}
