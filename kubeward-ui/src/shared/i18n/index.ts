import { createI18n } from 'vue-i18n'
import en from './en'
import zhCN from './zh-CN'
import { initialLocale, LOCALE_STORAGE_KEY, type Locale } from './locale'

export const messages = { en, 'zh-CN': zhCN }

function remembered(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY)
  } catch {
    return null
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(remembered(), navigator.languages ?? [navigator.language]),
  fallbackLocale: 'en',
  messages,
})

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // private mode: the choice lasts for this page only
  }
}
