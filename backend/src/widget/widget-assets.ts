import { Logger } from '@nestjs/common';
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';

/** The widget's stable entry file; everything else it loads lives under chunks/ with a content hash. */
export const WIDGET_ENTRY = 'todo-assistant.js';

const CHUNK_CACHE = 'public, max-age=31536000, immutable';
// The entry is short-lived so a new release reaches every host page within minutes.
const ENTRY_CACHE = 'public, max-age=300';

/**
 * Serves the script-tag build of `<todo-assistant>` at /widget/ to any page: the files are public code, loaded
 * by other origins (`Cross-Origin-Resource-Policy: cross-origin`, and CORS for its `import()`ed chunks).
 */
export function mountWidgetAssets(http: Express, dir: string | undefined): void {
  if (!dir || !existsSync(join(dir, WIDGET_ENTRY))) {
    new Logger('Widget').warn(
      `the widget is not built (${dir ?? 'not found'}): /widget/ answers 404 until it is`,
    );
  }
  http.use(
    '/widget',
    (_req, res, next) => {
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      res.setHeader('Access-Control-Allow-Origin', '*');
      next();
    },
    ...(dir
      ? [
          express.static(dir, {
            index: false,
            setHeaders: (res, path) =>
              res.setHeader('Cache-Control', path.includes(`${sep}chunks${sep}`) ? CHUNK_CACHE : ENTRY_CACHE),
          }),
        ]
      : []),
  );
}
