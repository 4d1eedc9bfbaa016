import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/public.decorator';
import { TranscriptionService } from './transcription.service';

/**
 * `GET /api/capabilities`: what this server offers the widget beyond chat (read when its panel opens): whether
 * dictation works, so a microphone is offered only where it does.
 */
@ApiTags('chatkit')
@Controller('api/capabilities')
export class CapabilitiesController {
  constructor(private readonly transcription: TranscriptionService) {}

  @Public()
  @Get()
  @ApiOkResponse({ schema: { example: { transcription: { available: true, max_bytes: 5000000 } } } })
  capabilities(@Res({ passthrough: true }) res: Response) {
    res.setHeader('Cache-Control', 'public, max-age=300');
    return { transcription: this.transcription.capabilities };
  }
}
