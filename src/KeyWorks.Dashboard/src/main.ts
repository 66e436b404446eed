import 'element-plus/dist/index.css'
import './style.css'
import { createApp } from 'vue'
import App from './App.vue'
import { restoreSession } from './api/session'

async function start(): Promise<void> {
  // The demo build replaces the transport with canned data; in a production build this branch and the
  // fixtures are removed, because VITE_KEYWORKS_DEMO is replaced by a constant at build time.
  if (import.meta.env.VITE_KEYWORKS_DEMO === '1') {
    const { installDemo } = await import('./demo/install')
    await installDemo()
  }
  restoreSession()
  const { router } = await import('./router')
  createApp(App).use(router).mount('#app')
}

void start()
