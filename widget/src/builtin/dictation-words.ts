import { msg } from '@lit/localize';

/** Said by the microphone (dictation.ts) and by the recording code (recorder.ts, its own chunk) alike. */
export const cannotStartMicrophone = (): string =>
  msg('The microphone could not be started. Type your message instead.');
