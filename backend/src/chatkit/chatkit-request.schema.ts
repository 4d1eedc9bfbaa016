import { z } from 'zod';
import { DomainError } from '../common/domain-error';
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../common/storable-text';
import { CHAT_MESSAGE_MAX } from '../chat/dto/chat.dto';
import type { ItemPayloads, JsonValue, UserMessageContent } from '../conversations/thread-item';

/**
 * Every request `POST /api/chatkit` accepts (chatkit-protocol.md §2): `{ type, params, metadata? }`, one
 * discriminated union on `type`. Unknown keys are stripped (the protocol ignores them); `null` optionals are
 * read as absent. Limits keep hostile bodies cheap: bounded strings, arrays and JSON depth.
 */

export const ID_MAX = 64;
export const PAGE_MAX = 100;
export const PAGE_DEFAULT = 20;
const TITLE_MAX = 200;
const JSON_DEPTH_MAX = 16;
const NAME_MAX = 200;

/** True when `value` is plain JSON no deeper than `max` levels (checked without deep recursion). */
function isBoundedJson(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      continue;
    }
    if (typeof v !== 'object' || depth >= max) return false;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}

const jsonValue = z
  .unknown()
  .refine((v) => v !== undefined && isBoundedJson(v, JSON_DEPTH_MAX), {
    message: `must be JSON nested at most ${JSON_DEPTH_MAX} levels deep`,
  })
  .transform((v) => v as JsonValue);

const id = z.string().min(1).max(ID_MAX);
const threadId = id.describe('Id of one of the caller’s threads (thr_…)');
const itemId = id.describe('Id of an item of that thread');
const limit = z
  .number()
  .int()
  .min(1)
  .max(PAGE_MAX)
  .nullish()
  .transform((v) => v ?? PAGE_DEFAULT)
  .describe(`Page size, 1-${PAGE_MAX} (default ${PAGE_DEFAULT})`);
const order = z
  .enum(['asc', 'desc'])
  .nullish()
  .transform((v) => v ?? 'desc')
  .describe('desc: newest first (default); asc: oldest first');
const after = id
  .nullish()
  .transform((v) => v ?? undefined)
  .describe('The `after` of the previous page');
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => v ?? undefined);

const inputText = z.object({
  type: z.literal('input_text'),
  text: z.string().max(CHAT_MESSAGE_MAX).describe('What the user typed'),
});

const inputTag = z.object({
  type: z.literal('input_tag'),
  id: z.string().max(NAME_MAX).describe('Id of the tagged entity'),
  text: z.string().max(NAME_MAX).describe('Label of the tag'),
  data: z
    .record(z.string().max(NAME_MAX), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
    .nullish()
    .transform((v) => v ?? {})
    .describe('Entity data (flat)'),
  group: optionalText(NAME_MAX).describe('Entity group'),
  interactive: z
    .boolean()
    .nullish()
    .transform((v) => v ?? undefined)
    .describe('Whether the tag is clickable'),
});

const userMessageInput = z
  .object({
    content: z
      .array(z.discriminatedUnion('type', [inputText, inputTag]))
      .min(1)
      .max(20)
      .describe('Text and tag parts of the message'),
    attachments: z.array(id).max(10).nullish().describe('Attachment ids (attachments are not supported)'),
    quoted_text: optionalText(CHAT_MESSAGE_MAX).describe('Text the user is replying to'),
    inference_options: z
      .object({
        tool_choice: z
          .object({ id: z.string().max(NAME_MAX).describe('Composer tool id') })
          .nullish()
          .transform((v) => v ?? undefined),
        model: optionalText(NAME_MAX).describe('Composer model id'),
      })
      .nullish()
      .describe('Composer choices, echoed on the stored message'),
  })
  .superRefine((input, ctx) => {
    const text = input.content.map((p) => p.text).join('');
    if (!text.trim()) ctx.addIssue({ code: 'custom', path: ['content'], message: 'the message has no text' });
    else if (text.length > CHAT_MESSAGE_MAX)
      ctx.addIssue({
        code: 'custom',
        path: ['content'],
        message: `the message is longer than ${CHAT_MESSAGE_MAX} characters`,
      });
  });

export type UserMessageInput = z.infer<typeof userMessageInput>;

const action = z
  .object({
    type: z.string().min(1).max(NAME_MAX).describe('Action name, e.g. task.complete'),
    payload: jsonValue.optional().describe('Action data, e.g. { task_id: 3 }'),
  })
  .describe('A widget action (extra keys such as handler or loadingBehavior are ignored)');

const customActionParams = z.object({
  thread_id: threadId,
  item_id: id
    .nullish()
    .transform((v) => v ?? undefined)
    .describe('The widget the action came from'),
  action,
});

function request<T extends string, P extends z.ZodType>(type: T, params: P) {
  return z.object({
    type: z.literal(type),
    params,
    metadata: z
      .record(z.string(), z.unknown())
      .nullish()
      .describe('Client hints: `timezone` (an IANA zone) is used for dates; the rest is ignored'),
  });
}

export const chatKitRequestSchema = z.discriminatedUnion('type', [
  // streaming
  request('threads.create', z.object({ input: userMessageInput })),
  request('threads.add_user_message', z.object({ thread_id: threadId, input: userMessageInput })),
  request(
    'threads.add_client_tool_output',
    z.object({ thread_id: threadId, result: jsonValue.describe('What the client tool returned') }),
  ),
  request(
    'threads.add_structured_input',
    z.object({
      thread_id: threadId,
      item_id: itemId,
      input: z.object({
        status: z
          .enum(['answered', 'skipped'])
          .nullish()
          .transform((v) => v ?? 'answered')
          .describe('answered (default) or skipped'),
        answers: z
          .record(
            z.string().max(NAME_MAX),
            z.object({
              values: z.array(z.string().max(1000)).max(50).nullish(),
              skipped: z.boolean().nullish(),
            }),
          )
          .nullish()
          .transform((v) => v ?? {})
          .describe('Answers by input id'),
      }),
    }),
  ),
  request('threads.retry_after_item', z.object({ thread_id: threadId, item_id: itemId })),
  request('threads.custom_action', customActionParams),
  // non-streaming
  request('threads.sync_custom_action', customActionParams),
  request('threads.get_by_id', z.object({ thread_id: threadId })),
  request('threads.list', z.object({ limit, order, after }).prefault({})),
  request(
    'threads.update',
    z.object({ thread_id: threadId, title: z.string().trim().min(1).max(TITLE_MAX).describe('New title') }),
  ),
  request('threads.delete', z.object({ thread_id: threadId })),
  request('items.list', z.object({ thread_id: threadId, limit, order, after })),
  request(
    'items.feedback',
    z.object({
      thread_id: threadId,
      item_ids: z.array(itemId).min(1).max(PAGE_MAX).describe('Items the feedback is about'),
      kind: z.enum(['positive', 'negative']).describe('Thumbs up or down'),
    }),
  ),
  request(
    'attachments.create',
    z.object({
      name: z.string().max(1000),
      size: z.number().int().nonnegative(),
      mime_type: z.string().max(NAME_MAX),
    }),
  ),
  request('attachments.delete', z.object({ attachment_id: id })),
  request('input.transcribe', z.object({ audio_base64: z.string(), mime_type: z.string().max(NAME_MAX) })),
]);

export type ChatKitRequest = z.infer<typeof chatKitRequestSchema>;
export type ChatKitRequestOf<T extends ChatKitRequest['type']> = Extract<ChatKitRequest, { type: T }>;
export type CustomActionParams = z.infer<typeof customActionParams>;

export const CHATKIT_REQUEST_TYPES = chatKitRequestSchema.options.map((o) => o.shape.type.value);

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && issue.path.length === 1 && issue.path[0] === 'type')
    return `type must be one of: ${CHATKIT_REQUEST_TYPES.join(', ')}`;
  const where = issue.path.length ? issue.path.join('.') : 'body';
  return `${where}: ${issue.message}`;
}

/** Parses a request body, or throws a 400 naming what is wrong (at most three issues). */
export function parseChatKitRequest(body: unknown): ChatKitRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new DomainError(
      'invalid_input',
      'The body must be a JSON object: { "type": "…", "params": { … } }.',
    );
  const result = chatKitRequestSchema.safeParse(body);
  if (!result.success)
    throw new DomainError('invalid_input', result.error.issues.slice(0, 3).map(describeIssue).join('; '));
  // Ids, texts and JSON payloads all reach PostgreSQL: NUL or an unpaired surrogate would fail there (a 500).
  const unstorable = findUnstorableText(result.data.params, 'params');
  if (unstorable) throw new DomainError('invalid_input', `${unstorable}: ${UNSTORABLE_TEXT_MESSAGE}`);
  return result.data;
}

/** The stored form of a user message (optional keys omitted, not null). */
export function toUserMessage(input: UserMessageInput): ItemPayloads['user_message'] {
  const content: UserMessageContent[] = input.content.map((p) =>
    p.type === 'input_text'
      ? { type: 'input_text', text: p.text }
      : {
          type: 'input_tag',
          id: p.id,
          text: p.text,
          data: p.data,
          ...(p.group !== undefined ? { group: p.group } : {}),
          ...(p.interactive !== undefined ? { interactive: p.interactive } : {}),
        },
  );
  const options = input.inference_options;
  return {
    content,
    attachments: [],
    ...(input.quoted_text !== undefined ? { quoted_text: input.quoted_text } : {}),
    inference_options: {
      ...(options?.tool_choice ? { tool_choice: { id: options.tool_choice.id } } : {}),
      ...(options?.model !== undefined ? { model: options.model } : {}),
    },
  };
}
