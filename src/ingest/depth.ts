// Bounded nesting for HTML pages. Readability walks the ancestors of every candidate node, so its
// cost grows with the page's size times its depth: 7,000 nested <div>s (77 KB) took minutes. Real
// pages nest a few dozen levels; beyond MAX_DEPTH the tags themselves are dropped (their text stays,
// in order), which bounds the depth and keeps the whole reading linear in the page's size. Pages
// within the bound are passed through untouched, byte for byte.

/** deeper than any real article page (news sites nest 20-40 levels) */
export const MAX_DEPTH = 80;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template']);
// a tag, a comment, a doctype or a CDATA section; attribute values may contain '>'
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>?|<\?[^>]*>?|<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/** The deepest element nesting of the page, counted in one pass (stops early past `limit`). */
export function nestingDepth(html: string, limit = Infinity): number {
  let depth = 0,
    max = 0;
  walk(html, (open, name) => {
    depth = open ? depth + 1 : Math.max(0, depth - 1);
    if (depth > max) max = depth;
    return max <= limit;
  });
  return max;
}

/**
 * The page with every element deeper than `max` levels unwrapped (its tags dropped, its content
 * kept). Linear: one pass over the tags with a stack of open elements. Unchanged when the page is
 * within the bound.
 */
export function boundDepth(html: string, max = MAX_DEPTH): string {
  if (nestingDepth(html, max) <= max) return html;
  const out: string[] = [];
  const stack: { name: string; kept: boolean }[] = [];
  let kept = 0,
    last = 0;
  walk(html, (open, name, start, end) => {
    let keep = true;
    if (open) {
      keep = kept < max;
      stack.push({ name, kept: keep });
      if (keep) kept++;
    } else {
      // close the innermost open element of that name (and whatever it leaves open)
      let i = stack.length - 1;
      while (i >= 0 && stack[i]!.name !== name) i--;
      if (i < 0)
        keep = true; // a stray end tag: the parser's business
      else {
        keep = stack[i]!.kept;
        for (let j = stack.length - 1; j >= i; j--) if (stack[j]!.kept) kept--;
        stack.length = i;
      }
    }
    if (!keep) {
      out.push(html.slice(last, start));
      last = end;
    }
    return true;
  });
  out.push(html.slice(last));
  return out.join('');
}

/** Calls `fn(open, name, start, end)` for each start and end tag, skipping comments and raw text (script, style…). */
function walk(html: string, fn: (open: boolean, name: string, start: number, end: number) => boolean): void {
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(html))) {
    const tag = m[2];
    if (!tag) continue; // comment, doctype, CDATA
    const name = tag.toLowerCase();
    const closing = m[1] === '/';
    const selfClosing = !closing && /\/\s*$/.test(m[3] ?? '');
    if (!closing && (VOID.has(name) || selfClosing)) continue;
    if (!fn(!closing, name, m.index, TOKEN.lastIndex)) return;
    if (!closing && RAW_TEXT.has(name)) {
      // skip to the end tag: their text is not markup
      const endRe = new RegExp(`</${name}\\s*>`, 'gi');
      endRe.lastIndex = TOKEN.lastIndex;
      const e = endRe.exec(html);
      if (!e) return;
      if (!fn(false, name, e.index, endRe.lastIndex)) return;
      TOKEN.lastIndex = endRe.lastIndex;
    }
  }
}
