// The chart components. ECharts itself is in Chart.vue, loaded on first use (an async component),
// so the console's first page does not grow by the size of the charting library (ADR 0022).
import { defineAsyncComponent } from 'vue'

export const LazyChart = defineAsyncComponent(() => import('./Chart.vue'))
