import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('Markdown rendering', () => {
  it('PT-8.2 renders Markdown', () => {
    expect(renderMarkdown('**bold** and `code`')).toBe('<p><strong>bold</strong> and <code>code</code></p>\n');
  });

  it('PT-8.2, PT-8.8 strips scripts, event handlers and javascript: links', () => {
    const html = renderMarkdown(
      'Hi <script>alert(1)</script><img src="x" onerror="alert(2)"> [link](javascript:alert(3)) <a href="javascript:alert(4)">a</a>',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|alert\(1\)/i);
  });

  it('PT-8.8 keeps no style, form, frame or other element Markdown does not make', () => {
    const html = renderMarkdown(
      [
        '<style>body { display: none } @import url(https://evil.example/x.css);</style>',
        '<link rel="stylesheet" href="https://evil.example/y.css">',
        '<form action="https://evil.example/steal"><input name="password" type="password"><button>Go</button></form>',
        '<iframe src="https://evil.example"></iframe><object data="x"></object><svg><circle r="5"/></svg>',
        '<p style="position:fixed;inset:0" class="app-banner">styled</p>',
      ].join('\n'),
    );
    expect(html).not.toMatch(/<(style|link|form|input|button|iframe|object|svg|circle)\b/i);
    expect(html).not.toMatch(/style=|class=|evil\.example\/(x|y)\.css/);
    expect(html).toContain('styled');
  });

  it('PT-8.8 keeps task lists as disabled checkboxes, tables, lists and code', () => {
    const html = renderMarkdown('- [x] done\n- [ ] to do\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```\ncode\n```');
    expect(html).toMatch(/<input[^>]*checked[^>]*>/);
    expect(html.match(/<input /g)).toHaveLength(2);
    expect(html.match(/<input [^>]*disabled/g)).toHaveLength(2);
    expect(html).toContain('<table>');
    expect(html).toContain('<pre><code>code\n</code></pre>');
  });

  it('WEB-3.2 keeps a task list item a checkbox, not a text field, with a numbered list’s start and a column’s alignment', () => {
    const html = renderMarkdown('- [ ] one\n- [x] two\n\n3. three\n\n| a |\n| :-: |\n| 1 |');
    expect(html.match(/<input [^>]*type="checkbox"/g)).toHaveLength(2);
    expect(html).toContain('<ol start="3">');
    expect(html).toContain('<th align="center">');
    expect(renderMarkdown('<input type="text" value="x"> <input type="checkbox" onclick="alert(1)">')).toBe(
      '<p> <input type="checkbox" disabled=""></p>\n',
    );
  });

  it('PT-8.8 shows images as links instead of loading them', () => {
    const html = renderMarkdown(
      '![The new logo](https://cdn.example/logo.png) and <img src="https://pixel.example/t.gif">',
    );
    expect(html).not.toMatch(/<img/);
    expect(html).toContain(
      '<a href="https://cdn.example/logo.png" rel="noopener noreferrer nofollow" target="_blank">Image: The new logo</a>',
    );
    expect(html).toContain('Image: https://pixel.example/t.gif');
    const dataImage = renderMarkdown('![x](data:text/html,<script>alert(1)</script>)');
    expect(dataImage).not.toMatch(/href=|data:/);
    expect(dataImage).toContain('Image: x');
  });

  it('PT-8.8 opens links apart, without a referrer, and only to the web, mail or Yello itself', () => {
    const html = renderMarkdown(
      '[site](https://example.com) [mail](mailto:a@example.com) [task](/acme/YEL-1) [x](data:text/html,hi) [y](//evil.example) <a href="/\\evil.example/z">z</a>',
    );
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">site</a>');
    expect(html).toContain('href="mailto:a@example.com"');
    expect(html).toContain('href="/acme/YEL-1"');
    expect(html).not.toMatch(/data:|evil/);
  });
});
