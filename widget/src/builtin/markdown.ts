import { html, nothing, type TemplateResult } from 'lit';

/**
 * The small markdown subset assistant replies use — paragraphs (single line breaks kept), bullet and numbered
 * lists, **bold**, *italic*, `code` and fenced code blocks — rendered straight to Lit templates. Text only ever
 * becomes text nodes: there is no HTML string stage, so nothing from the server can become markup.
 */

type Block =
  | { kind: 'p'; lines: string[] }
  | { kind: 'code'; lines: string[] }
  | { kind: 'list'; ordered: boolean; start: number; items: string[] };

const LIST_ITEM = /^\s{0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null;
  let fence: string | null = null;
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (fence !== null && open?.kind === 'code') {
      if (line.trimStart().startsWith(fence)) {
        fence = null;
        open = null;
      } else open.lines.push(line);
      continue;
    }
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      blocks.push((open = { kind: 'code', lines: [] }));
      continue;
    }
    if (!line.trim()) {
      open = null;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const ordered = item[2] !== undefined;
      if (open?.kind !== 'list' || open.ordered !== ordered) {
        blocks.push((open = { kind: 'list', ordered, start: ordered ? Number(item[2]) : 1, items: [] }));
      }
      open.items.push(item[3]);
      continue;
    }
    if (open?.kind === 'list' && /^\s+\S/.test(line)) {
      // An indented line continues the last item.
      open.items[open.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const heading = HEADING.exec(line);
    const text = heading ? `**${heading[1]}**` : line;
    if (open?.kind !== 'p' || heading) blocks.push((open = { kind: 'p', lines: [] }));
    open.lines.push(text);
    if (heading) open = null;
  }
  return blocks;
}

/**
 * Code, bold and italic, web addresses, and backslash escapes. Asterisks inside words stay asterisks ("2*3 boxes and 4*5
 * crates" is no emphasis: task titles are quoted into replies as they are); underscores already need spaces.
 */
const INLINE =
  /\\([\\`*_])|(`+)([^`]+?)\2|(?<![\p{L}\p{N}])\*\*(?=\S)(.+?)\*\*(?![\p{L}\p{N}])|__(?=\S)(.+?)__|(?<![\p{L}\p{N}])\*(?=[^\s*])([^*]+?)\*(?![\p{L}\p{N}])|\b(https?:\/\/[^\s<>"“”‘’]+[^\s<>"“”‘’.,;:!?)\]])/gu;

/**
 * A web address as a link that opens in a new tab, never handing the page over (only http and https match, so
 * no `javascript:` or `data:` address can become one).
 */
const link = (url: string) =>
  html`<a href=${url} target="_blank" rel="noopener noreferrer nofollow">${url}</a>`;

/** Inline spans of one line: code, bold and italic; everything else is text. */
export function renderInline(text: string): Array<string | TemplateResult> {
  const out: Array<string | TemplateResult> = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[3] !== undefined) out.push(html`<code>${m[3]}</code>`);
    else if (m[4] !== undefined || m[5] !== undefined)
      out.push(html`<strong>${renderInline(m[4] ?? m[5])}</strong>`);
    else if (m[6] !== undefined) out.push(html`<em>${renderInline(m[6])}</em>`);
    else out.push(link(m[7]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function lines(list: string[]) {
  return list.map((l, i) => html`${i ? html`<br />` : nothing}${renderInline(l)}`);
}

export function renderMarkdown(source: string): TemplateResult[] {
  return parseBlocks(source).map((b) => {
    switch (b.kind) {
      case 'code':
        return html`<pre><code>${b.lines.join('\n')}</code></pre>`;
      case 'list': {
        const items = b.items.map((i) => html`<li>${renderInline(i)}</li>`);
        return b.ordered
          ? html`<ol start=${b.start === 1 ? nothing : b.start}>
              ${items}
            </ol>`
          : html`<ul>
              ${items}
            </ul>`;
      }
      default:
        return html`<p>${lines(b.lines)}</p>`;
    }
  });
}
