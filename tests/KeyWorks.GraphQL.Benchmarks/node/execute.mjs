// graphql-js execute() over the benchmark query, in a loop for the given seconds; prints operations per second.
import { buildSchema, parse, execute } from 'graphql';
import { sdl, makeItems, bigQuery } from './shared.mjs';

const seconds = Number(process.argv[2] ?? 10);
const schema = buildSchema(sdl);
const items = makeItems();
const root = { items, item: ({ id }) => items[Number(id)], hello: 'world' };
const document = parse(bigQuery);
const run = () => execute({ schema, document, rootValue: root });
if (run().errors) throw new Error('benchmark query failed');
for (let i = 0; i < 200; i++) run();
let count = 0;
const start = process.hrtime.bigint();
const end = start + BigInt(seconds * 1e9);
while (process.hrtime.bigint() < end) { run(); count++; }
const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ opsPerSecond: count / elapsed }));
