import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/public.decorator';
import { HostSessionDto } from './dto/site.dto';
import { GuestSession, SiteConfig, SiteSession, SiteSessionsService } from './site-sessions.service';
import type { SiteUserExport } from './site-users.service';

/**
 * A site's public routes (the widget's) and its server-to-server routes (authenticated with the site secret).
 * None takes an access token: each proves itself another way.
 */
@ApiTags('sites')
@Public()
@Controller('api/sites/:siteId')
export class SiteSessionsController {
  constructor(private readonly sessions: SiteSessionsService) {}

  @Post('session')
  @HttpCode(200)
  @ApiOperation({
    summary: "Exchange the site's host token for an access token",
    description:
      "The site's server signs a JWT for its signed-in user (HS256 with the site secret, or RS256/ES256 from its JWKS; aud = the site id, exp at most 24 h ahead, sub 1-255 characters). 401 says what is wrong with it.",
  })
  session(
    @Param('siteId') siteId: string,
    @Body() body: HostSessionDto,
    @Headers('origin') origin: string | undefined,
  ): Promise<SiteSession> {
    return this.sessions.exchange(siteId, body.token, origin);
  }

  @Post('guest')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start a guest: a session to keep and an access token',
    description: 'Only on sites that allow guests; rate-limited per client address (429).',
  })
  guest(
    @Param('siteId') siteId: string,
    @Req() req: Request,
    @Headers('origin') origin: string | undefined,
  ): Promise<GuestSession> {
    return this.sessions.startGuest(siteId, req.ip ?? req.socket.remoteAddress ?? 'unknown', origin);
  }

  @Get('config')
  @ApiOperation({ summary: "The widget's configuration of this site (ETag; 304 when unchanged)" })
  @ApiOkResponse({ description: '{ id, name, identity, appearance, prompts, locale }' })
  async config(
    @Param('siteId') siteId: string,
    @Headers('origin') origin: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SiteConfig | undefined> {
    const { body, etag } = await this.sessions.configOf(siteId, origin);
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Vary', 'Origin');
    if (ifNoneMatch?.split(',').some((t) => t.trim() === etag)) {
      res.status(304);
      return undefined;
    }
    return body;
  }

  @Delete('users/:sub')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Erase a host user and everything they own (Authorization: Bearer <site secret>)',
  })
  @ApiNoContentResponse()
  async erase(
    @Param('siteId') siteId: string,
    @Param('sub') sub: string,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<void> {
    await this.sessions.erase(siteId, sub, authorization);
  }

  @Get('users/:sub/export')
  @ApiOperation({
    summary: "A host user's tasks and conversations as JSON (Authorization: Bearer <site secret>)",
  })
  export(
    @Param('siteId') siteId: string,
    @Param('sub') sub: string,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<SiteUserExport> {
    return this.sessions.export(siteId, sub, authorization);
  }
}
