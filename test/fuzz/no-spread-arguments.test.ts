import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Spreading an array into a call's arguments (`Math.max(...xs)`, `out.push(...xs)`) puts every
 * element on the stack: past ~125,000 elements V8 throws "Maximum call stack size exceeded". A
 * job stream, a trace or a partial result can be that long, so src/ spreads into no call at all
 * (nor passes an array through `.apply`): loops, reduce or simple-statistics' max/min instead.
 */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** `file:line: text` of every spread argument and `.apply(` call in a TypeScript source. */
export function spreadArguments(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const spread = ts.isSpreadElement(node) && (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent));
    // Function.prototype.apply spreads its second argument as well: `f.apply(null | undefined | this, xs)`.
    const apply =
      ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'apply' && node.arguments.length === 2 &&
      /^(null|undefined|this)$/.test(node.arguments[0]?.getText() ?? '');
    if (spread || apply) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${file}:${line + 1}: ${(spread ? node.parent : node).getText().slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no stack blows from spread arguments', () => {
  it('no source file in src/ spreads an array into a call or passes one through apply', () => {
    const found = sources('src').flatMap((file) => spreadArguments(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the scan finds the patterns it forbids, and leaves array and object spreads alone', () => {
    const text = ['const a = Math.max(...xs);', 'out.push(...rows, 1);', 'new Set(...lists);', 'Math.min.apply(null, xs);', 'option.apply(ctx, options, k);', 'const b = [...xs];', 'const c = { ...o };'].join('\n');
    expect(spreadArguments('x.ts', text).map((f) => f.split(':')[1])).toEqual(['1', '2', '3', '4']);
  });

  it('spreading 200,000 numbers into Math.max overflows the stack, which is why the rule exists', () => {
    const values = Array.from({ length: 200_000 }, (_, i) => i);
    expect(() => Math.max(...values)).toThrow(RangeError);
  });
});
