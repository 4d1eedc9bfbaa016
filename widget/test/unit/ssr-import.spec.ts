import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Server rendering imports the package in Node: that must not throw or touch browser globals. */
test('importing the ESM build in Node defines nothing on window and throws nothing', () => {
  const entry = pathToFileURL(join(__dirname, '../../dist/esm/index.js')).href;
  const script = `
    const before = new Set(Object.getOwnPropertyNames(globalThis));
    const m = await import(${JSON.stringify(entry)});
    const added = Object.getOwnPropertyNames(globalThis).filter((k) => !before.has(k));
    console.log(JSON.stringify({
      window: typeof window,
      document: typeof document,
      exports: Object.keys(m).sort(),
      isClass: typeof m.TodoAssistant === 'function',
      added,
    }));`;
  const out = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
  );
  expect(out).toMatchObject({
    window: 'undefined',
    document: 'undefined',
    exports: ['TodoAssistant', 'defineTodoAssistant'],
    isClass: true,
  });
  // Lit's server build may add its own DOM shim globals; nothing of ours, and never window/document.
  expect(
    out.added.filter(
      (k: string) =>
        !/^(lit|litPropertyMetadata|litElementVersions|reactiveElementVersions|litHtmlVersions|customElements|HTMLElement|Element|CustomElementRegistry|Event|CustomEvent|EventTarget)/.test(
          k,
        ),
    ),
  ).toEqual([]);
});
