import react from '@vitejs/plugin-react'
import postcssPresetMantine from 'postcss-preset-mantine'
import { defineConfig } from 'vite'

// The web app lives in src/web and builds into dist/web, which the server serves.
// `npm run dev:web` runs Vite with hot reload on :5173 and proxies the API to the server on :3000.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:3000' } },
})
