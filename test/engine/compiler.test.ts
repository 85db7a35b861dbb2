import { describe, expect, it } from 'vitest';
import { compileModel, ModelCompileError } from '../../src/engine/compiler.ts';

const run = (equations: { id: string; expr: string; initial?: string }[], params: Record<string, number> = {}, series: Record<string, number[]> = {}, n = 4, by = 2020) => {
  const model = compileModel({ parameters: Object.keys(params), series: Object.keys(series), equations });
  const V: Record<string, Float64Array> = {};
  for (const id of model.order) V[id] = new Float64Array(n);
  const K = Object.fromEntries(Object.entries(series).map(([k, v]) => [k, Float64Array.from(v)]));
  model.run(Float64Array.from(Object.values(params)), K, V, n, by);
  return { model, V };
};

describe('equation compiler', () => {
  it('orders equations by dependency whatever their declaration order', () => {
    const { model, V } = run([
      { id: 'c', expr: 'b * 2' },
      { id: 'b', expr: 'a + 1' },
      { id: 'a', expr: 'k * 10' },
    ], { k: 3 });
    expect(model.order).toEqual(['a', 'b', 'c']);
    expect([...V.c]).toEqual([62, 62, 62, 62]);
  });

  it('carries a stock with prev() from its initial value', () => {
    const { V } = run([
      { id: 'beds', initial: 'beds_base', expr: 'prev(beds) * (1 - retire) + new_beds' },
      { id: 'per_1000', expr: 'beds / elderly * 1000' },
    ], { beds_base: 1000, retire: 0.1, new_beds: 50 }, { elderly: [10000, 10000, 20000, 20000] });
    // 1000 → 1000*0.9+50 = 950 → 905 → 864.5
    expect([...V.beds]).toEqual([1000, 950, 905, 864.5]);
    expect([...V.per_1000]).toEqual([100, 95, 45.25, 43.225]);
  });

  it('lets prev() read a derived variable and a series, and exposes t and year', () => {
    const { V } = run([
      { id: 'growth', expr: 'pop - prev(pop)' },
      { id: 'y', expr: 'year + t / 10' },
      { id: 'lag', expr: 'prev(y)' },
    ], {}, { pop: [100, 110, 125, 125] });
    expect([...V.growth]).toEqual([0, 10, 15, 0]);
    expect([...V.y]).toEqual([2020, 2021.1, 2022.2, 2023.3]);
    expect([...V.lag]).toEqual([2020, 2020, 2021.1, 2022.2]);
  });

  it('supports the ternary, comparisons and whitelisted functions', () => {
    const { V } = run([{ id: 'x', expr: 'year >= 2022 ? max(a, 5) ^ 2 : clamp(-a, 0, 1)' }], { a: 3 });
    expect([...V.x]).toEqual([0, 0, 25, 25]);
  });

  it('refuses an unknown identifier, naming the equation and the identifier', () => {
    expect(() => run([{ id: 'beds_per_1000', expr: 'beds_total / pop_60plsu * 1000' }], { beds_total: 1 })).toThrow(
      /equation "beds_per_1000": unknown identifier "pop_60plsu"/,
    );
  });

  it('refuses a cycle, naming the equations in it', () => {
    expect(() => run([
      { id: 'a', expr: 'b + 1' },
      { id: 'b', expr: 'c + 1' },
      { id: 'c', expr: 'a + 1' },
      { id: 'd', expr: '1' },
    ])).toThrow(/cycle between equations: a → b → c → a/);
  });

  it('refuses prev(self) without an initial value', () => {
    expect(() => run([{ id: 'a', expr: 'prev(a) + 1' }])).toThrow(ModelCompileError);
    expect(() => run([{ id: 'a', expr: 'prev(a) + 1' }])).toThrow(/needs an initial value/);
  });

  it('refuses duplicate ids and ids that shadow a parameter', () => {
    expect(() => run([{ id: 'a', expr: '1' }, { id: 'a', expr: '2' }])).toThrow(/defined twice/);
    expect(() => run([{ id: 'k', expr: '1' }], { k: 1 })).toThrow(/same id as a parameter/);
  });

  it.each([
    ['import({}, {override: true})', /function "import" is not allowed/],
    ['evaluate("1+1")', /function "evaluate" is not allowed/],
    ['parse("x")', /function "parse" is not allowed/],
    ['createUnit("foo")', /function "createUnit" is not allowed/],
    ['simplify("x")', /function "simplify" is not allowed/],
    ['a.constructor', /accessor syntax is not allowed/],
    ['f(x) = x', /functionassignment syntax is not allowed/],
    ['a = 2', /assignment syntax is not allowed/],
    ['[1, 2]', /array syntax is not allowed/],
    ['"text"', /only numbers are allowed/],
    ['cos(a)', /function "cos" is not allowed/],
    ['a!', /operator "!" is not allowed/],
    ['1 +', /syntax error/],
  ])('refuses %s', (expr, message) => {
    expect(() => run([{ id: 'x', expr }], { a: 1 })).toThrow(message);
  });

  it('never lets an identifier reach the generated code unchecked', () => {
    expect(() => run([{ id: 'x', expr: 'globalThis' }])).toThrow(/unknown identifier "globalThis"/);
    expect(() => run([{ id: 'x', expr: 'constructor' }])).toThrow(/unknown identifier "constructor"/);
  });
});
