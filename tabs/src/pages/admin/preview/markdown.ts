/**
 * The Markdown that Teams renders inside an Adaptive Card TextBlock, for the preview: bold, italic,
 * links, bulleted and numbered lists, paragraphs and line breaks. Nothing more, because Teams shows
 * anything else (headings, tables, images) as the characters typed, and the preview must not promise
 * more than the chat will show. Everything is escaped first, so a guideline's text can never become
 * markup in the admin's page; only http(s) and mailto links survive.
 */
const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c]!);
}

const SAFE_URL = /^(https?:\/\/|mailto:)[^\s"'<>]+$/i;

function inline(escaped: string): string {
  return escaped
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label: string, url: string) => {
      // The url was escaped with the rest; undo &amp; so a query string survives the check and the href.
      const raw = url.replace(/&amp;/g, '&');
      return SAFE_URL.test(raw)
        ? `<a href="${escapeHtml(raw)}" target="_blank" rel="noopener noreferrer">${label}</a>`
        : whole;
    })
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_(?=\S)(.+?)(?<=\S)_(?![_\w])/g, '$1<em>$2</em>');
}

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

/** Markdown to HTML for one TextBlock's text (escaped, then the Teams subset applied). */
export function teamsMarkdownToHtml(text: string): string {
  const blocks: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = paragraph.split('\n').filter((l) => l.trim().length > 0);
    if (lines.length === 0) continue;
    let index = 0;
    const prose: string[] = [];
    const flushProse = () => {
      if (prose.length > 0) blocks.push(`<p>${prose.join('<br>')}</p>`);
      prose.length = 0;
    };
    while (index < lines.length) {
      const line = lines[index]!;
      const list = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : undefined;
      if (!list) {
        prose.push(inline(escapeHtml(line)));
        index++;
        continue;
      }
      flushProse();
      const items: string[] = [];
      while (index < lines.length && list.test(lines[index]!)) {
        items.push(`<li>${inline(escapeHtml(list.exec(lines[index]!)![1]!))}</li>`);
        index++;
      }
      const tag = list === BULLET ? 'ul' : 'ol';
      blocks.push(`<${tag}>${items.join('')}</${tag}>`);
    }
    flushProse();
  }
  return blocks.join('');
}
