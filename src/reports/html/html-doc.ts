import type { Doc } from '../doc.js';
import { escapeHtml as h } from './escape.js';

/** HTML: a sub-heading, paragraphs of small print, tables (the first column text, the others numbers). */
export const htmlDoc: Doc = {
  heading: (t) => `<h3>${h(t)}</h3>`,
  text: (l) => (l === '' ? '' : `<p class="note">${h(l)}</p>`),
  table: (head, rows) =>
    `<table><thead><tr>${head.map((x, i) => `<th${i === 0 ? ' class="text"' : ''}>${h(x)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((x, i) => `<td${i === 0 ? ' class="text"' : ''}>${h(x)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`,
};
