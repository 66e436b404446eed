// The graphql-js reference implementation as a test oracle. Reads one JSON request on stdin:
//   { schemas: { name: { sdl, data } }, cases: [ { id, schema, document, variables, operationName } ],
//     introspection: [ { id, sdl, result } ] }
// and writes { results: { id: { syntaxError | validationErrors | execution } }, introspection: { id: { expected, actual } } }.
// Resolvers follow the conventions the C# harness uses: a field reads the property of the same name;
// an object { "__error": "message" } makes the field throw; { "__async": value } resolves later;
// an object's "__typename" names its type for interfaces and unions; the JSON scalar passes values through;
// a field named "echo" returns its coerced arguments.
import {
  buildSchema, parse, validate, execute, GraphQLError, GraphQLScalarType,
  buildClientSchema, printSchema, getIntrospectionQuery, lexicographicSortSchema, getOperationAST,
} from 'graphql';
import { readFileSync } from 'node:fs';

const request = JSON.parse(readFileSync(0, 'utf8'));

function settle(value) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if ('__error' in value) throw new Error(value.__error);
    if ('__async' in value) return new Promise((resolve, reject) => setTimeout(() => {
      try { resolve(settle(value.__async)); } catch (e) { reject(e); }
    }, 0));
  }
  return value;
}

function fieldResolver(source, args, _context, info) {
  if (info.fieldName === 'echo') return args;
  if (source === null || typeof source !== 'object') return undefined;
  return settle(source[info.fieldName]);
}

const typeResolver = (value) => value.__typename;

function schemaFor(sdl) {
  const schema = buildSchema(sdl);
  const json = schema.getType('JSON');
  if (json instanceof GraphQLScalarType) {
    json.serialize = (v) => v;
    json.parseValue = (v) => v;
  }
  return schema;
}

function plainErrors(errors) {
  return errors.map((e) => ({
    message: e.message,
    locations: e.locations ?? [],
    ...(e.path ? { path: e.path } : {}),
  }));
}

const schemas = {};
for (const [name, { sdl }] of Object.entries(request.schemas ?? {})) schemas[name] = schemaFor(sdl);

const results = {};
for (const c of request.cases ?? []) {
  const schema = schemas[c.schema];
  let document;
  try {
    document = parse(c.document);
  } catch (e) {
    results[c.id] = { syntaxError: plainErrors([e])[0] };
    continue;
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) {
    results[c.id] = { validationErrors: plainErrors(validationErrors) };
    continue;
  }
  if (getOperationAST(document, c.operationName ?? undefined)?.operation === 'subscription') {
    results[c.id] = { execution: { subscription: true } };
    continue;
  }
  const result = await execute({
    schema,
    document,
    rootValue: request.schemas[c.schema].data,
    variableValues: c.variables ?? undefined,
    operationName: c.operationName ?? undefined,
    fieldResolver,
    typeResolver,
  });
  results[c.id] = {
    execution: {
      ...(result.errors ? { errors: plainErrors(result.errors) } : {}),
      ...('data' in result ? { data: result.data } : {}),
    },
  };
}

const introspection = {};
for (const c of request.introspection ?? []) {
  const expected = printSchema(lexicographicSortSchema(buildSchema(c.sdl)));
  let actual;
  try {
    actual = printSchema(lexicographicSortSchema(buildClientSchema(c.result)));
  } catch (e) {
    actual = 'buildClientSchema failed: ' + e.message;
  }
  introspection[c.id] = { expected, actual, query: getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true }) };
}

process.stdout.write(JSON.stringify({ results, introspection }));
