import { describe, expect, it } from 'vitest';
import { targetChance } from '../../src/engine/target-status.ts';

describe('a target chance in words', () => {
  it('gives the share of draws met and the P10–P90 of the margin in the target unit (‰ not off by 1000)', () => {
    const c = targetChance({ unit: '‰' }, { probability: 0.834, evaluated: 1000, marginP10: -0.0002, marginP90: 0.0009 }, 'permille', 'zh');
    expect(c.probability).toBe('83%');
    expect(c.marginRange).toBe('−0.2个千分点 … +0.9个千分点');
  });
  it('never rounds a possible or a not-certain outcome to 0 % or 100 %', () => {
    expect(targetChance({ unit: '' }, { probability: 0.003, evaluated: 1000, marginP10: -1, marginP90: -0.5 }, 'rate', 'en').probability).toBe('<1%');
    expect(targetChance({ unit: '' }, { probability: 0.998, evaluated: 1000, marginP10: 1, marginP90: 2 }, 'rate', 'en').probability).toBe('>99%');
    expect(targetChance({ unit: '' }, { probability: 1, evaluated: 10, marginP10: 1, marginP90: 2 }, 'rate', 'en').probability).toBe('100%');
  });
  it('says "—" when no draw judged it', () => {
    expect(targetChance({ unit: '' }, { probability: null, evaluated: 0, marginP10: null, marginP90: null }, 'rate', 'en')).toEqual({ probability: '—', marginRange: '—' });
    expect(targetChance({ unit: '' }, undefined, 'rate', 'en').probability).toBe('—');
  });
});
