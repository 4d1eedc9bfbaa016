import { DomainError } from '../common/domain-error';

export class TaskNotFoundError extends DomainError {
  constructor(readonly taskId: number) {
    super('not_found', `Task ${taskId} was not found.`);
  }
}

export class InvalidTaskError extends DomainError {
  constructor(message: string) {
    super('invalid_input', message);
  }
}
