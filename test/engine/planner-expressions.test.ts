/**
 * A planner's expression that cannot run is refused at its own check, naming its field, and
 * never keeps the other results from being computed (issue 16, item 4).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultScenario } from '../../models/presets/index.ts';
import { checkExpression, ExpressionError, MAX_EXPRESSION_DEPTH } from '../../src/engine/expression.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import type { IndicatorDef, Scenario, TargetDef } from '../../src/engine/types.ts';

const projector = defaultProjector();
const target = (id: string, expr: string): TargetDef => ({ id, label: id, expr, op: '>=', value: 1, year: 2025, every: false });
const withPlanner = (targets: TargetDef[], indicators: IndicatorDef[] = []): Scenario => ({ ...defaultScenario(), targets, indicators });

const deepMinus = `${'-'.repeat(1999)}1`;
const deepParens = `${'('.repeat(999)}1${')'.repeat(999)}`;
const longChain = Array.from({ length: 180 }, () => 'pop_total').join('+');

describe('a bad planner expression stays in its own field', () => {
  it.each([
    ['prev(tfr_end)', /^targets\[0\] \(bad\): prev\(tfr_end\) reads a parameter/],
    [deepMinus, /^targets\[0\] \(bad\): the expression is nested too deeply/],
    [deepParens, /^targets\[0\] \(bad\): the expression is nested too deeply/],
    [longChain, /^targets\[0\] \(bad\): the expression is nested too deeply/],
  ])('a target %#: its verdict names the field; the other target is judged', (expr, message) => {
    const result = projector.run(withPlanner([target('bad', expr), target('good', 'pop_total')]));
    expect(result.targets[0].error).toMatch(message);
    expect(result.targets[1].error).toBeUndefined();
    expect(result.targets[1].met).toBe(true);
    expect(result.series.pop_total.every(Number.isFinite)).toBe(true);
  });

  it('an indicator reading prev() of a parameter is left out with its field named; targets still run', () => {
    const result = projector.run(withPlanner([target('good', 'pop_total')], [{ id: 'ind', label: 'x', expr: 'prev(tfr_end) + 1' }]));
    expect(result.warnings).toContainEqual(expect.objectContaining({
      code: 'input', message: expect.objectContaining({ en: expect.stringMatching(/indicator "ind": prev\(tfr_end\) reads a parameter/) }),
    }));
    expect(result.series.ind).toBeUndefined();
    expect(result.targets[0].met).toBe(true);
  });

  it('the form check names the problem instead of overflowing the stack', () => {
    expect(projector.checkExpression(deepMinus)).toMatch(/nested too deeply/);
    expect(projector.checkExpression(deepParens)).toMatch(/nested too deeply/);
    expect(projector.checkExpression('prev(tfr_end)')).toMatch(/prev\(tfr_end\) reads a parameter/);
    expect(() => checkExpression(deepMinus, 'targets[3] (x)', () => true)).toThrow(ExpressionError);
    expect(() => checkExpression(deepMinus, 'targets[3] (x)', () => true)).toThrow(/^targets\[3\] \(x\): the expression is nested too deeply \(more than \d+ levels\)/);
    expect(MAX_EXPRESSION_DEPTH).toBeGreaterThanOrEqual(50);
  });

  it('a sensible expression of moderate depth still compiles', () => {
    const sum = Array.from({ length: 40 }, (_, i) => `pop_total * ${i}`).join(' + ');
    expect(projector.checkExpression(sum)).toBeNull();
    expect(projector.checkExpression('((((((beds_total)))))) / max(1, pop_60plus) * 1000')).toBeNull();
  });

  it('no string as a target expression throws out of a projection (property, seeded)', () => {
    const pieces = fc.constantFrom('pop_total', 'tfr_end', 'prev(', 'prev(tfr_end)', 'prev(pop_total)', '(', ')', '-', '+', '*', '/', '^', '?', ':', '1', '0', 'x', ',', 'max(', 'import(', '"s"', '[1]', '=', 'a.b', ' ');
    const exprArb = fc.array(pieces, { minLength: 1, maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(exprArb, (expr) => {
        const result = projector.run(withPlanner([target('t', expr), target('good', 'pop_total')]));
        expect(result.targets[1].met).toBe(true);
        if (result.targets[0].error) expect(result.targets[0].error).toMatch(/^targets\[0\] \(t\): /);
      }),
      { seed: 16, numRuns: 100 },
    );
  });
});
