// Subscribes with the graphql-ws client (graphql-transport-ws protocol) and prints what arrives as JSON.
// Usage: node subscribe.mjs ws://host/graphql '<query>'
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, query] = process.argv.slice(2);
const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
const events = [];
try {
  for await (const result of client.iterate({ query })) events.push(result);
  console.log(JSON.stringify({ events }));
} catch (error) {
  console.log(JSON.stringify({ events, error: Array.isArray(error) ? error : String(error?.reason ?? error?.message ?? error) }));
} finally {
  await client.dispose();
}
