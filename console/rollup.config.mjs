import { readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/**
 * The console's page, written by the build: it names the content-hashed entry and stylesheet, so /console/ (never
 * cached) always loads a matching set of assets (cached for a year). Nothing inline: the page's CSP allows
 * scripts and styles from 'self' only.
 */
const consolePage = () => ({
  name: 'console-page',
  buildStart() {
    this.addWatchFile('src/page.css');
  },
  generateBundle(_options, bundle) {
    const css = readFileSync('src/page.css', 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s*\n\s*/g, '\n')
      .trim();
    const stylesheet = this.getFileName(
      this.emitFile({ type: 'asset', name: 'console.css', source: `${css}\n` }),
    );
    const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
    // What the entry imports statically is fetched at once, in parallel with it.
    const preload = entry.imports.map((f) => `<link rel="modulepreload" href="./${f}">`).join('');
    const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>Todo Assistant console</title>
<link rel="icon" href="/oauth/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="./${stylesheet}">
<script type="module" src="./${entry.fileName}"></script>${preload}
</head>
<body>
<console-app><p class="boot">Loading the console…</p></console-app>
<noscript><p class="boot">The console needs JavaScript. Turn it on and reload the page.</p></noscript>
</body>
</html>
`;
    this.emitFile({ type: 'asset', fileName: 'index.html', source: page });
  },
});

/** The chart library and the widget are loaded on use (usage section, live preview): named chunks of their own. */
function manualChunks(id) {
  if (/[\\/]node_modules[\\/](chart\.js|@kurkle)[\\/]/.test(id)) return 'chart';
  return undefined;
}

export default {
  input: { console: 'src/main.ts' },
  output: {
    dir: 'dist/app',
    format: 'es',
    entryFileNames: 'assets/[name]-[hash].js',
    chunkFileNames: 'assets/[name]-[hash].js',
    assetFileNames: 'assets/[name]-[hash][extname]',
    manualChunks,
    sourcemap: true,
  },
  plugins: [
    nodeResolve({ browser: true }),
    // Whitespace and comments inside html`` and css`` templates are most of what minifying can save.
    minifyLiterals({
      include: ['src/**/*.ts'],
      failOnError: true,
      options: { minifyOptions: { keepClosingSlash: true } },
    }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    consolePage(),
  ],
};
