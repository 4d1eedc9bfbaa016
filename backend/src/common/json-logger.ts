import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  log: ['fatal', 'error', 'warn', 'log'],
  warn: ['fatal', 'error', 'warn'],
  error: ['fatal', 'error'],
  silent: [],
};

/** Whether `LOG_LEVEL` lets messages of this level through. */
export function logs(config: AppConfig, level: LogLevel): boolean {
  return LEVELS[config.logLevel].includes(level);
}

/** The backend's logger: one JSON line per message, at the configured level. */
export function jsonLogger(config: AppConfig): ConsoleLogger {
  return new ConsoleLogger({ json: true, logLevels: LEVELS[config.logLevel], colors: false });
}
