import { Module } from '@nestjs/common';
import { CapabilitiesController } from './capabilities.controller';
import { TranscriptionService } from './transcription.service';

/** Dictation: speech to text for ChatKit's `input.transcribe` and the widget's microphone. */
@Module({
  controllers: [CapabilitiesController],
  providers: [TranscriptionService],
  exports: [TranscriptionService],
})
export class VoiceModule {}
