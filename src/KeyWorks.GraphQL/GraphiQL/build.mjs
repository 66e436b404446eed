// Bundles GraphiQL into one script and one stylesheet: node build.mjs <output directory>
import { build } from 'esbuild';

const outdir = process.argv[2] ?? 'dist';
await build({
  entryPoints: ['main.jsx'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outdir,
  entryNames: 'graphiql',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl' },
  logLevel: 'warning',
});
