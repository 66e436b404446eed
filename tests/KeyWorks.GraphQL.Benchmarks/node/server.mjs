// graphql-http on node's http module, serving the benchmark schema: node server.mjs <port>
import http from 'node:http';
import { createHandler } from 'graphql-http/lib/use/http';
import { buildSchema } from 'graphql';
import { sdl, makeItems } from './shared.mjs';

const items = makeItems();
const schema = buildSchema(sdl);
const rootValue = { items, item: ({ id }) => items[Number(id)], hello: 'world' };
const handler = createHandler({ schema, rootValue });
const server = http.createServer((req, res) => {
  if (req.url.startsWith('/graphql')) handler(req, res);
  else { res.writeHead(404).end(); }
});
server.listen(Number(process.argv[2] ?? 4000), '127.0.0.1', () => console.log('listening'));
