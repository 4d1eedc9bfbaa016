/** What the browser suites of the widget and the demo site share: the real backend, Chromium, page helpers. */
export { freePort, startBackend, type RunningBackend } from './backend';
export { launchBrowser } from './browser';
export * from './page';
export { audioContainer, TranscriptionServer, type TranscriptionRequest } from './transcription-server';
