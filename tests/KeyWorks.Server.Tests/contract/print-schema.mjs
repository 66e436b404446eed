// With --query, prints the introspection query to send. Otherwise prints, sorted, the schema built from an SDL file and the schema built from an introspection result (JSON file),
// as {"sdl": "...", "served": "..."} on stdout.
import { readFileSync } from 'node:fs';
import { buildSchema, buildClientSchema, printSchema, lexicographicSortSchema, getIntrospectionQuery } from 'graphql';

const [sdlFile, introspectionFile] = process.argv.slice(2);
if (sdlFile === '--query') {
  process.stdout.write(getIntrospectionQuery({
    descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true,
  }));
  process.exit(0);
}
const print = (schema) => printSchema(lexicographicSortSchema(schema));
const sdl = print(buildSchema(readFileSync(sdlFile, 'utf8')));
const served = print(buildClientSchema(JSON.parse(readFileSync(introspectionFile, 'utf8')).data));
process.stdout.write(JSON.stringify({ sdl, served }));
