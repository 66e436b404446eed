// The benchmark schema and data, the same as BenchmarkSchema.cs builds.
import { readFileSync } from 'node:fs';

export const sdl = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

export function makeItems() {
  const items = [];
  for (let i = 0; i < 100; i++) {
    const children = [];
    for (let j = 0; j < 6; j++) children.push({ id: `${i}-${j}`, name: `child ${j}`, value: i * 10 + j });
    items.push({
      id: String(i), name: `item ${i}`, code: `C${i}`, description: `description of item ${i}`, price: i * 1.5,
      quantity: i, active: i % 2 === 0, rating: (i % 5) + 0.5, category: `cat${i % 7}`, owner: `owner${i % 11}`,
      city: 'Chengdu', district: `district${i % 4}`, budget: i * 1000.25, spent: i * 500.5, progress: i % 100,
      phase: 'build', contractor: `contractor${i % 3}`, startYear: 2020 + (i % 5), endYear: 2025 + (i % 5), children,
    });
  }
  return items;
}

export const bigQuery = `{ items { id name code description price quantity active rating category owner city district budget spent progress phase contractor startYear endYear children { id name value } } }`;
export const smallQuery = `{ item(id: "7") { id name price } }`;
