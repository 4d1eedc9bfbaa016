import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/public.decorator';
import { OriginPolicy, originRefusal } from './origin-policy';

export interface OriginCheck {
  /** The Origin header of the request (null when a browser sent none: same-origin, or not a browser). */
  origin: string | null;
  allowed: boolean;
  message: string;
}

/**
 * `GET /api/origin-check`: whether the calling page's origin may use the backend, and if not, which setting
 * lets it in. A browser hides every CORS-refused answer from the page, so an embedded widget whose calls fail
 * without a status asks here; this one answer is readable from any origin (`*`, no credentials) and reveals
 * nothing but the verdict on the caller's own origin.
 */
@ApiTags('origins')
@Controller('api/origin-check')
export class OriginCheckController {
  constructor(@Inject(OriginPolicy) private readonly policy: OriginPolicy) {}

  @Public()
  @Get()
  @ApiOkResponse({
    schema: {
      example: {
        origin: 'https://shop.example',
        allowed: false,
        message:
          "The origin https://shop.example is not allowed. Add it to ALLOWED_ORIGINS on the backend, or to a site's origins (npm run sites -- update <site> --origin https://shop.example).",
      },
    },
  })
  check(
    @Headers('origin') origin: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): OriginCheck {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'no-store');
    if (origin === undefined)
      return {
        origin: null,
        allowed: true,
        message:
          'This request carries no Origin header (same-origin or not from a browser): nothing to refuse.',
      };
    if (this.policy.allows(origin))
      return { origin, allowed: true, message: `The origin ${origin} is allowed.` };
    return { origin, allowed: false, message: originRefusal(origin) };
  }
}
