import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { ID_PATTERN } from './dto/chat.dto';

/**
 * A conversation id in the URL: the shape of the ids we issue (`thr_…`), or 400 naming the parameter. The id
 * reaches SQL, where a NUL character failed the query (a 500), and odd ids were echoed back in 404 messages.
 */
@Injectable()
export class ConversationIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID_PATTERN.test(value))
      throw new BadRequestException('id must be a conversation id such as thr_4f9c2a7d1e3b5a60');
    return value;
  }
}
