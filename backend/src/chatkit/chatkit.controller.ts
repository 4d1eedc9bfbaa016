import { Body, Controller, Headers, HttpCode, Logger, Post, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { ChatRateLimitFilter } from '../chat/chat-rate-limit';
import { localeOptions } from '../chat/locale';
import { abortOnDisconnect, pipeSse } from '../chat/sse';
import { CurrentUser } from '../common/current-user.decorator';
import { SiteAccess } from '../sites/site-access';
import { CHATKIT_REQUEST_TYPES } from './chatkit-request.schema';
import { ChatKitService } from './chatkit.service';

/** `POST /api/chatkit`: the one URL `<openai-chatkit>` talks to (`api: { url, domainKey, fetch }`). */
@ApiTags('chatkit')
@ApiBearerAuth()
@UseFilters(ChatRateLimitFilter)
@Controller('api/chatkit')
export class ChatKitController {
  private readonly logger = new Logger('ChatKitStream');

  constructor(
    private readonly chatkit: ChatKitService,
    private readonly sites: SiteAccess,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'ChatKit protocol endpoint',
    description:
      'One request `{ type, params }`; streaming types answer text/event-stream (`data: <json>` frames), the others ' +
      'one JSON document. Types: ' +
      CHATKIT_REQUEST_TYPES.join(', '),
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['type', 'params'],
      properties: { type: { enum: CHATKIT_REQUEST_TYPES }, params: { type: 'object' } },
    },
  })
  @ApiProduces('application/json', 'text/event-stream')
  @ApiOkResponse({ description: 'A JSON document or an event stream, by request type' })
  async handle(
    @CurrentUser() user: AuthUser,
    @Body() body: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Headers('origin') origin: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const signal = abortOnDisconnect(res);
    const result = await this.chatkit.process(user.id, body, {
      signal,
      ...localeOptions(acceptLanguage),
      site: this.sites.turnSite(user, origin),
    });
    if (result.kind === 'json') {
      res.json(result.body);
      return;
    }
    await pipeSse(res, mapData(result.events), this.logger);
  }
}

/** ChatKit frames carry no `event:` name: the kind is the JSON's own `type`. */
async function* mapData<T extends object>(events: AsyncIterable<T>): AsyncGenerator<{ data: T }> {
  for await (const data of events) yield { data };
}
