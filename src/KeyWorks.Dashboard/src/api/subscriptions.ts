import { type Client, createClient } from 'graphql-ws'
import type { Document } from './document'
import { session } from './session'

/** Subscriptions over WebSocket at /graphql (graphql-transport-ws), authorised in connection_init. */
let client: Client | null = null
let clientToken: string | null = null
let disabled = false
const listeners = new Set<(connected: boolean) => void>()

/** Tells whether the socket is up, e.g. for a "live" badge; returns the function that stops telling. */
export function onConnectionChange(listener: (connected: boolean) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function notify(connected: boolean): void {
  for (const listener of listeners) listener(connected)
}

/** The demo build has no server to talk to. */
export function disableSubscriptions(): void {
  disabled = true
}

function socketUrl(): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`
}

function currentClient(): Client {
  if (client && clientToken === session.token) return client
  void client?.dispose()
  clientToken = session.token
  client = createClient({
    url: socketUrl(),
    lazy: true,
    retryAttempts: Infinity,
    connectionParams: () => (session.token ? { Authorization: `Bearer ${session.token}` } : {}),
    on: { connected: () => notify(true), closed: () => notify(false) },
  })
  return client
}

/** Subscribes and returns the unsubscribe function. */
export function subscribe<TData>(
  document: Document<TData, Record<string, never>>,
  onData: (data: TData) => void,
  onError?: (error: unknown) => void,
): () => void {
  if (disabled) return () => {}
  return currentClient().subscribe<TData>(
    { query: document.source, operationName: document.operationName },
    {
      next: (result) => { if (result.data) onData(result.data as TData) },
      error: (error) => onError?.(error),
      complete: () => {},
    },
  )
}
