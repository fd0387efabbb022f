// Markdown as the web app shows it: rendered by marked, then sanitised by DOMPurify down to the elements
// Markdown itself produces, so user text can neither run script nor restyle the page, submit forms or call
// out to other servers. Remote images are not loaded (a viewer's visit would tell their host who read the
// task, and when): each becomes a link to the image, named by its alt text.
import DOMPurify from 'dompurify';
import { marked } from 'marked';

/** What marked's GFM output uses; anything else in raw HTML is dropped, its text kept. */
const ALLOWED_TAGS = [
  'a',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'img',
  'input',
  'li',
  'ol',
  'p',
  'pre',
  'strong',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
];
const ALLOWED_ATTR = ['href', 'title', 'alt', 'src', 'start', 'align', 'type', 'checked', 'disabled'];
/**
 * The allowed attributes that never hold a URL. DOMPurify checks every other attribute's value against
 * ALLOWED_URI_REGEXP, which would drop `type="checkbox"` (a task list's box would become a text field), a numbered
 * list's `start` and a table column's `align`.
 */
const ADD_URI_SAFE_ATTR = ['start', 'align', 'type', 'checked', 'disabled'];
/** Links to the web and to mail only; relative links stay within Yello (`//host` and `/\host` are other hosts). */
const ALLOWED_URI_REGEXP = /^(?:https?:|mailto:|\/(?![/\\])|#)/i;

const purify = DOMPurify();

purify.addHook('uponSanitizeElement', (node, data) => {
  if (data.tagName !== 'input' || !(node instanceof HTMLInputElement)) return;
  // GFM task lists render as disabled checkboxes; no other form control is Markdown's.
  if (node.type !== 'checkbox') node.remove();
  else node.disabled = true;
});

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node instanceof HTMLAnchorElement && node.hasAttribute('href')) openApart(node);
});

function openApart(link: HTMLAnchorElement): void {
  link.setAttribute('rel', 'noopener noreferrer nofollow');
  link.setAttribute('target', '_blank');
}

/** An image as a link to it, named by its alt text. */
function imageAsLink(image: HTMLImageElement): HTMLAnchorElement {
  const src = image.getAttribute('src') ?? '';
  const link = image.ownerDocument.createElement('a');
  link.textContent = `Image: ${image.getAttribute('alt') || src || 'no description'}`;
  // DOMPurify keeps data: URLs in an image's src, which a link must not take over.
  if (ALLOWED_URI_REGEXP.test(src)) {
    link.setAttribute('href', src);
    openApart(link);
  }
  return link;
}

/** Safe HTML for `text`: Markdown's own elements only, links opened apart, images as links. */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true, breaks: true });
  const fragment = purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ADD_URI_SAFE_ATTR,
    ALLOWED_URI_REGEXP,
    RETURN_DOM_FRAGMENT: true,
  });
  for (const image of fragment.querySelectorAll('img')) image.replaceWith(imageAsLink(image));
  const container = document.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}
