// Bundles the ECharts parts in charts.js into one minified script: node build.mjs <output file>
import { build } from 'esbuild';

await build({
  entryPoints: ['charts.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outfile: process.argv[2] ?? 'dist/echarts.js',
  define: { 'process.env.NODE_ENV': '"production"', __DEV__: 'false' },
  legalComments: 'eof',
  logLevel: 'warning',
});
