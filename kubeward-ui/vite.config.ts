import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// The console is served by the Kubeward server at "/"; Maven packages the build output under
// META-INF/resources so that Spring Boot serves it as static content (see pom.xml).
// `npm run dev` proxies the API to a server on 127.0.0.1:8080 (e.g. ./bin/sandbox).
export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // ECharts gets a chunk of its own, loaded only by the pages that draw charts (ADR 0022).
        manualChunks(id) {
          if (/[\\/]node_modules[\\/](echarts|zrender|vue-echarts)[\\/]/.test(id)) return 'echarts'
          if (/[\\/]node_modules[\\/](element-plus|@element-plus)[\\/]/.test(id)) return 'element-plus'
          if (/[\\/]node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify)[\\/]/.test(id)) return 'vue'
          return undefined
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
      '/healthz': 'http://127.0.0.1:8080',
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
})
