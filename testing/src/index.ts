/** What the browser suites share: the real backend, Chromium, page helpers, axe-core findings. */
export * from './axe';
export { freePort, startBackend, type RunningBackend } from './backend';
export { launchBrowser } from './browser';
export * from './page';
export { audioContainer, TranscriptionServer, type TranscriptionRequest } from './transcription-server';
