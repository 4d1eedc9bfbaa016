import { ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { IS_PUBLIC } from '../common/public.decorator';
import { SiteAccess } from '../sites/site-access';
import type { AuthUser } from './auth-user';

/**
 * Global guard: every route needs a valid access token unless marked @Public(), and a site user's token passes
 * its site's rules (the site is active, allows that kind of user, and lists the page's origin).
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly sites: SiteAccess,
  ) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    if (isPublic) return true;
    if (!(await super.canActivate(ctx))) return false;
    const req = ctx.switchToHttp().getRequest<Request & { user: AuthUser }>();
    await this.sites.check(req.user, req.headers.origin);
    return true;
  }

  override handleRequest<TUser>(err: unknown, user: TUser | false, info: unknown): TUser {
    if (err || !user) {
      const reason = info instanceof Error ? info.message : 'missing or invalid access token';
      throw new UnauthorizedException(
        `Unauthorized: ${reason}. Send Authorization: Bearer <JWT from /api/auth/token>.`,
      );
    }
    return user;
  }
}
