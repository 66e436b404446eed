/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "1" only in the layout-review build (`npm run build:demo`). */
  readonly VITE_KEYWORKS_DEMO?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
