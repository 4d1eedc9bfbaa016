import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AuthUser } from '../auth/auth-user';

/** The seed's `/api/{user_id}/…` URLs: allowed only when `{user_id}` is the token's own user. */
@Injectable()
export class UserPathGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const pathUser = req.params?.userId;
    if (pathUser !== undefined && pathUser !== req.user?.id) {
      throw new ForbiddenException(
        'This URL belongs to another user: use your own user id, or the URL without one.',
      );
    }
    return true;
  }
}
