// Markdown text rendered safely (markdown.ts sanitises the HTML before it is inserted).
import type { JSX } from 'solid-js';
import { renderMarkdown } from './markdown.ts';

export function Markdown(props: { readonly text: string }): JSX.Element {
  return <div class="markdown" innerHTML={renderMarkdown(props.text)} />;
}
