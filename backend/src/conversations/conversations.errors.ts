import { DomainError } from '../common/domain-error';

/** A thread that does not exist or belongs to someone else: the same answer for both, by design. */
export class ThreadNotFoundError extends DomainError {
  constructor(readonly threadId: string) {
    super('not_found', `Conversation ${threadId} was not found.`);
  }
}

/** An item that does not exist in the thread, belongs to someone else, or is internal. */
export class ItemNotFoundError extends DomainError {
  constructor(readonly itemId: string) {
    super('not_found', `Item ${itemId} was not found in this conversation.`);
  }
}

/** A pagination cursor that names no row of this list. */
export class InvalidCursorError extends DomainError {
  constructor(readonly cursor: string) {
    super(
      'invalid_input',
      `after/cursor ${cursor} is not an id of this list: pass the id a previous page returned.`,
    );
  }
}
