// Builds the static page wisp serves at /: JsSIP and the app bundled into one module, next to
// the HTML and CSS. Output: dist/ (the Maven build puts it in the jar under webroot/).
import { cp, mkdir, rm } from 'node:fs/promises';
import { build } from 'esbuild';

await rm('dist', { recursive: true, force: true });
await mkdir('dist');
await build({
  entryPoints: ['src/app.js'],
  bundle: true,
  format: 'esm',
  target: ['chrome110', 'firefox110', 'safari16'],
  minify: true,
  sourcemap: true,
  outfile: 'dist/app.js',
  logLevel: 'warning',
});
await cp('src/index.html', 'dist/index.html');
await cp('src/styles.css', 'dist/styles.css');
