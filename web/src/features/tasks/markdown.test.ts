import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('Markdown rendering', () => {
  it('PT-8.2 renders Markdown', () => {
    expect(renderMarkdown('**bold** and `code`')).toBe('<p><strong>bold</strong> and <code>code</code></p>\n');
  });

  it('PT-8.2 strips scripts, event handlers and javascript: links', () => {
    const html = renderMarkdown(
      'Hi <script>alert(1)</script><img src="x" onerror="alert(2)"> [link](javascript:alert(3)) <a href="javascript:alert(4)">a</a>',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|alert\(1\)/i);
    expect(html).toContain('<img src="x">');
  });
});
