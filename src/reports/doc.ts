import { plainTable } from './plain-table.js';

/**
 * How a report section writes itself, whatever the format: a heading, a line of text, a table.
 * Sections (the facility's, the queue's) are written once against this; the terminal, HTML and
 * Markdown reports each give their own.
 */
export interface Doc {
  heading(title: string): string;
  text(line: string): string;
  table(head: string[], rows: string[][]): string;
}

/** The terminal: plain lines, borderless aligned tables. */
export const textDoc: Doc = { heading: (t) => t, text: (l) => l, table: (head, rows) => plainTable(head, rows) };

/** Markdown: a heading, paragraphs, GitHub tables (the first column left, the others right). */
export const markdownDoc: Doc = {
  heading: (t) => `### ${t}\n`,
  text: (l) => `${l}\n`,
  table: (head, rows) => {
    const esc = (x: string) => x.replace(/\|/g, '\\|');
    const align = head.map((_, i) => (i === 0 ? ':---' : '---:'));
    return [head.map(esc), align, ...rows.map((r) => r.map(esc))].map((r) => `| ${r.join(' | ')} |`).join('\n') + '\n';
  },
};
