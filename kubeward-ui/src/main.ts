import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import 'element-plus/theme-chalk/dark/css-vars.css'
import './shared/theme'
import App from './App.vue'
import { configureClient } from './shared/api/client'
import { currentLocale, i18n } from './shared/i18n'
import { acceptLanguage } from './shared/i18n/locale'
import { router } from './app/router'
import { forget } from './shared/state/session'

configureClient({
  language: () => acceptLanguage(currentLocale()),
  onUnauthenticated: () => {
    forget()
    const current = router.currentRoute.value
    if (!current.meta.public) {
      router.push({ name: 'login', query: { redirect: current.fullPath } })
    }
  },
})
document.documentElement.lang = currentLocale()

createApp(App).use(i18n).use(router).use(ElementPlus).mount('#app')
