import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The message catalogs are made by lit-localize from the sources (`npm run localize -w widget`): xliff/<locale>.xlf
 * holds every message with its translation, src/locale/generated/ the modules built from them. Both are committed;
 * this checks that they are what the tools make of the sources now, and that nothing is left untranslated.
 */
const WIDGET = join(__dirname, '../..');
const config = JSON.parse(readFileSync(join(WIDGET, 'lit-localize.json'), 'utf8')) as {
  targetLocales: string[];
};
const LOCALES = config.targetLocales;
const CLI = require.resolve('@lit/localize-tools/bin/lit-localize.js');

let work: string;
beforeAll(() => (work = mkdtempSync(join(tmpdir(), 'widget-l10n-'))));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** lit-localize with the widget's settings, writing into `work` instead of the repository. */
function litLocalize(command: 'extract' | 'build'): void {
  const file = join(work, `${command}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      ...config,
      inputFiles: [join(WIDGET, 'src/**/*.ts')],
      output: {
        mode: 'runtime',
        outputDir: join(work, 'generated'),
        localeCodesModule: join(work, 'generated/locale-codes.ts'),
        language: 'ts',
      },
      interchange: { format: 'xliff', xliffDir: join(work, command === 'extract' ? 'extracted' : 'xliff') },
    }),
  );
  execFileSync(process.execPath, [CLI, command, '--config', file], { cwd: work, stdio: 'pipe' });
}

type Unit = { id: string; source: string; target?: string };

function units(xliff: string): Unit[] {
  return [
    ...xliff.matchAll(/<trans-unit id="([^"]+)">\s*<source>(.*?)<\/source>(?:\s*<target>(.*?)<\/target>)?/gs),
  ].map((m) => ({ id: m[1], source: m[2], target: m[3] }));
}

const committed = (locale: string) => units(readFileSync(join(WIDGET, 'xliff', `${locale}.xlf`), 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/<x id="(\d+)"[^>]*\/>/g)].map((m) => m[1]).sort();

test('every message in the sources is in each catalog, and no catalog holds one the sources lost', () => {
  litLocalize('extract');
  for (const locale of LOCALES) {
    const fresh = units(readFileSync(join(work, 'extracted', `${locale}.xlf`), 'utf8'));
    const sources = (list: Unit[]) => list.map((u) => `${u.id} ${u.source}`).sort();
    expect(sources(committed(locale))).toEqual(sources(fresh));
  }
  expect(committed('ur').length).toBeGreaterThan(140);
}, 60_000);

test('every message is translated, with the placeholders of its source', () => {
  for (const locale of LOCALES) {
    const problems = committed(locale)
      .filter((u) => !u.target?.trim() || placeholders(u.target).join() !== placeholders(u.source).join())
      .map((u) => `${locale} ${u.id}: ${u.source}`);
    expect(problems).toEqual([]);
  }
});

test('Urdu and Arabic are written in their own script', () => {
  const words = (text: string) => text.replace(/<x[^>]*\/>/g, '');
  const letters = (locale: string, script: RegExp) =>
    committed(locale).filter((u) => /[a-z]/i.test(words(u.source)) && !script.test(words(u.target!)));
  // Every Urdu and Arabic message with words has Arabic-script letters (only the names of things stay Latin).
  expect(letters('ur', /[\u0600-\u06ff]/).map((u) => u.source)).toEqual([]);
  expect(letters('ar', /[\u0600-\u06ff]/).map((u) => u.source)).toEqual([]);
  // Urdu's own letters (ے ی ہ ڈ ٹ ں), not Arabic ones, in its sentences.
  expect(committed('ur').filter((u) => /[ےیہڈٹں]/.test(u.target!)).length).toBeGreaterThan(120);
});

test('the generated locale modules are what lit-localize builds from the catalogs', () => {
  cpSync(join(WIDGET, 'xliff'), join(work, 'xliff'), { recursive: true });
  litLocalize('build');
  const generated = join(WIDGET, 'src/locale/generated');
  const files = readdirSync(generated).sort();
  expect(files).toEqual([...LOCALES.map((l) => `${l}.ts`), 'locale-codes.ts'].sort());
  for (const file of files) {
    expect([file, readFileSync(join(generated, file), 'utf8')]).toEqual([
      file,
      readFileSync(join(work, 'generated', file), 'utf8'),
    ]);
  }
}, 60_000);
