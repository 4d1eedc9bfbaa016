/**
 * The script-tag entry (`/widget/todo-assistant.js`). It holds no static import, so it runs as a classic script
 * (`<script src async>`) as well as a module. A classic script from another origin has no base URL for
 * `import()`, so the build turns the import below into one of an absolute URL next to this file (`scriptBase`).
 */
const script =
  typeof document === 'undefined'
    ? null
    : ((document.currentScript as HTMLScriptElement | null) ??
      document.querySelector<HTMLScriptElement>('script[src*="/todo-assistant.js"]'));
const scriptBase = script?.src || (typeof location === 'undefined' ? '' : location.href);
void import('./embed-mount.js').then((m) => m.mountFromScripts(script, scriptBase));
