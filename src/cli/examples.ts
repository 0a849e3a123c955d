/** The "Examples:" block shown after a command's --help; a line starting with # is a comment. */
export function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => (line.startsWith('#') ? `  ${line}` : `  $ ${line}`)).join('\n')}\n`;
}
