import { nodeResolve } from '@rollup/plugin-node-resolve';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import terser from '@rollup/plugin-terser';
import MagicString from 'magic-string';
import esbuild from 'rollup-plugin-esbuild';

/**
 * In the script-tag entry, `import('./chunk')` becomes `import(new URL('./chunk', scriptBase).href)`: a classic
 * script loaded from another origin resolves `import()` against about:blank, not against its own URL.
 */
const absoluteEntryImports = () => ({
  name: 'absolute-entry-imports',
  renderDynamicImport({ moduleId }) {
    if (moduleId.endsWith('/src/embed.ts')) return { left: 'import(new URL(', right: ', scriptBase).href)' };
    return null;
  },
});

/**
 * The entry runs in the page's global scope when loaded as a classic script: a block keeps its bindings out of
 * it, so loading the script twice does not redeclare them.
 */
const blockScopedEntry = () => ({
  name: 'block-scoped-entry',
  renderChunk(code, chunk) {
    if (!chunk.isEntry) return null;
    const s = new MagicString(code).prepend('{').append('}');
    return { code: s.toString(), map: s.generateMap({ hires: true }) };
  },
});

/**
 * @lit/localize's modules have no side effects (its package does not say so): the launcher gets `msg` and `str`
 * only, and its runtime (`configureLocalization`) comes with the panel.
 */
const treeshake = { moduleSideEffects: (id) => !id.includes('/node_modules/@lit/localize/') };

const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });

export default [
  // The script-tag build served by the backend at /widget/: a tiny stable entry, hashed chunks loaded on use.
  {
    input: { 'todo-assistant': 'src/embed.ts' },
    output: {
      dir: 'dist/embed',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    treeshake,
    plugins: [
      nodeResolve({ browser: true }),
      absoluteEntryImports(),
      // Whitespace and comments inside html`` and css`` templates are most of what minifying can save.
      minifyLiterals({
        include: ['src/**/*.ts'],
        failOnError: true,
        // svg fragments need their self-closing slashes (<path/><path/> are siblings, not nested).
        options: { minifyOptions: { keepClosingSlash: true } },
      }),
      ts(),
      terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
      blockScopedEntry(),
    ],
  },
  // The ESM package for bundlers: one file per module, dependencies left to the bundler. But @lit/localize is
  // ours alone: its language is global to its copy, and a page's app may use lit-localize for its own words.
  {
    input: { index: 'src/index.ts' },
    external: [/^lit($|\/)/, /^@lit\/(?!localize($|\/))/, /^eventsource-parser($|\/)/],
    output: {
      dir: 'dist/esm',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
    },
    plugins: [nodeResolve(), ts()],
  },
];
