import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/spotlight/styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { initI18n } from './i18n/i18n'
import { installZodMessages } from './lib/zod-messages'
import { preloadListPagesWhenIdle, preloadRoute } from './route-preload'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

installZodMessages()
void initI18n().then(() => {
  // After i18n: requests carry the UI language (Accept-Language) for their error texts.
  preloadRoute(window.location)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
  preloadListPagesWhenIdle()
})
