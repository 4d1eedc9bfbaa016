import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';

/** Characters of validation messages in one answer: a body with 10,000 unknown keys gets a few, not 10,000. */
const ERROR_MESSAGES_MAX = 1000;

/**
 * The global validation of bodies and queries (class-validator DTOs). Route params are left to their own pipes:
 * the stock pipe would first coerce " 1" or "1e0" into the number 1 and hide a malformed id.
 */
@Injectable()
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: true,
      maxErrorMessagesLength: ERROR_MESSAGES_MAX,
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param') return value;
    return super.transform(value, metadata) as Promise<unknown>;
  }
}
