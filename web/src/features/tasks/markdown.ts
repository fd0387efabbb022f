// Markdown as the web app shows it: rendered by marked, then sanitised by DOMPurify, so no script gets in.
import DOMPurify from 'dompurify';
import { marked } from 'marked';

/** Safe HTML for `text`: raw HTML in Markdown is kept only as far as DOMPurify allows. */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html);
}
