// Auto-refresh for pages with charts: calls `load` every `interval` seconds (0: never) unless paused
// or the page is hidden, and stops with the component. No overlapping loads: a tick while the last
// load is still running is skipped.
import { onBeforeUnmount, watch, type Ref } from 'vue'

export function useAutoRefresh(load: () => Promise<unknown>, interval: Ref<number>, paused: Ref<boolean>): void {
  let timer: ReturnType<typeof setInterval> | null = null
  let running = false
  const tick = async () => {
    if (running || (typeof document !== 'undefined' && document.hidden)) return
    running = true
    try {
      await load()
    } finally {
      running = false
    }
  }
  const restart = () => {
    if (timer) clearInterval(timer)
    timer = null
    if (interval.value > 0 && !paused.value) timer = setInterval(tick, interval.value * 1000)
  }
  watch([interval, paused], restart, { immediate: true })
  onBeforeUnmount(() => {
    if (timer) clearInterval(timer)
  })
}
