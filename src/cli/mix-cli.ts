/**
 * `--cheapest-mix` on the command line: its options are taken out of argv before the other
 * options are parsed, and the mix (with the trade-off curve when asked) prints as JSON.
 *
 *   --cheapest-mix                 find the cheapest mix (default: the binding targets, their levers)
 *   --mix-target ID[,ID…]          the targets to meet (repeatable)
 *   --mix-lever ID[,ID…]           the levers to move (repeatable; default: those acting on the targets)
 *   --mix-range ID=MIN..MAX        a lever's allowed range (adds the lever)
 *   --mix-cost ID=YUAN             a cost per unit per year for a lever (per percentage point for a share; adds the lever)
 *   --mix-period to-targets|projection
 *   --trade-off TARGET_ID          also the cost at a row of levels of that target
 *   --trade-off-levels A,B,…       the levels (default: round numbers around the target)
 */
import type { ParameterDef } from '../../models/types.ts';
import { cheapestMix, isBindingTarget, leversForTargets, tradeOff, type MixLeverInput, type MixRequest, type TradeOffRequest } from '../engine/cheapest-mix/index.ts';
import type { Projector } from '../engine/projector.ts';
import type { Scenario } from '../engine/types.ts';
import { UsageError } from './args.ts';

/** The usage of the cheapest-mix options. */
export const MIX_USAGE =
  '       npm run --silent project -- [FILE | --preset ID] --cheapest-mix [--mix-target ID[,ID]] [--mix-lever ID[,ID]] [--mix-range ID=MIN..MAX] [--mix-cost ID=YUAN] [--mix-period to-targets|projection] [--trade-off TARGET_ID [--trade-off-levels A,B,...]]';

/** What the cheapest-mix options ask for. */
export interface MixCliRequest {
  targets?: string[];
  levers?: string[];
  ranges: { id: string; min: number; max: number }[];
  costs: { id: string; cost: number }[];
  period?: MixRequest['period'];
  tradeOff?: TradeOffRequest;
}

const FLAGS = ['--cheapest-mix', '--mix-target', '--mix-lever', '--mix-range', '--mix-cost', '--mix-period', '--trade-off', '--trade-off-levels'];

const number = (flag: string, raw: string): number => {
  const x = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(x)) throw new UsageError(`${flag} ${raw}: not a number`);
  return x;
};

/** Takes the cheapest-mix options out of argv: the request (null without `--cheapest-mix`) and the rest. */
export function extractMixArgs(argv: readonly string[]): { mix: MixCliRequest | null; rest: string[] } {
  const rest: string[] = [];
  const req: MixCliRequest = { ranges: [], costs: [] };
  let on = false;
  let levels: number[] | undefined;
  let tradeOffTarget: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (!FLAGS.includes(flag)) {
      rest.push(a);
      continue;
    }
    if (flag === '--cheapest-mix') {
      on = true;
      continue;
    }
    const value = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    const list = value.split(',').map((s) => s.trim()).filter(Boolean);
    switch (flag) {
      case '--mix-target':
        req.targets = [...(req.targets ?? []), ...list];
        break;
      case '--mix-lever':
        req.levers = [...(req.levers ?? []), ...list];
        break;
      case '--mix-range': {
        const m = /^([^=]+)=(.+?)\.\.(.+)$/.exec(value);
        if (!m) throw new UsageError(`--mix-range ${value}: expected id=MIN..MAX`);
        req.ranges.push({ id: m[1].trim(), min: number('--mix-range', m[2]), max: number('--mix-range', m[3]) });
        break;
      }
      case '--mix-cost': {
        const m = /^([^=]+)=(.*)$/.exec(value);
        if (!m) throw new UsageError(`--mix-cost ${value}: expected id=YUAN`);
        req.costs.push({ id: m[1].trim(), cost: number('--mix-cost', m[2]) });
        break;
      }
      case '--mix-period':
        if (value !== 'to-targets' && value !== 'projection') throw new UsageError(`--mix-period = ${value}: allowed to-targets or projection`);
        req.period = value;
        break;
      case '--trade-off':
        tradeOffTarget = value;
        break;
      case '--trade-off-levels':
        levels = list.map((x) => number('--trade-off-levels', x));
        break;
    }
  }
  if (!on) {
    const used = argv.find((a) => FLAGS.includes(a.split('=')[0]));
    if (used) throw new UsageError(`${used.split('=')[0]} needs --cheapest-mix`);
    return { mix: null, rest };
  }
  if (levels && !tradeOffTarget) throw new UsageError('--trade-off-levels needs --trade-off TARGET_ID');
  if (tradeOffTarget) req.tradeOff = { targetId: tradeOffTarget, ...(levels ? { levels } : {}) };
  return { mix: req, rest };
}

/** The engine request of the options: the levers listed (or the default ones), each with its range and cost. */
export function mixRequestOf(cli: MixCliRequest, scenario: Scenario, parameters: readonly ParameterDef[]): MixRequest {
  const chosen = cli.targets ?? scenario.targets.filter(isBindingTarget).map((t) => t.id);
  const ids = cli.levers ?? leversForTargets(scenario.targets.filter((t) => chosen.includes(t.id)), parameters);
  const levers = new Map<string, MixLeverInput>(ids.map((id) => [id, { id }]));
  for (const r of cli.ranges) levers.set(r.id, { ...(levers.get(r.id) ?? { id: r.id }), min: r.min, max: r.max });
  for (const c of cli.costs) levers.set(c.id, { ...(levers.get(c.id) ?? { id: c.id }), unitCost: c.cost });
  return { ...(cli.targets ? { targets: cli.targets } : {}), levers: [...levers.values()], ...(cli.period ? { period: cli.period } : {}) };
}

/** Runs the mix (and the curve) and returns the JSON text, or the first problem as an error line. */
export function runMixCli(projector: Projector, scenario: Scenario, cli: MixCliRequest): { ok: true; json: string } | { ok: false; error: string } {
  const request = mixRequestOf(cli, scenario, projector.parameters);
  const mix = cheapestMix(projector, scenario, request);
  if (mix.status === 'error') return { ok: false, error: mix.reason?.en ?? mix.summary.en };
  const curve = cli.tradeOff ? tradeOff(projector, scenario, request, cli.tradeOff) : undefined;
  if (curve?.status === 'error') return { ok: false, error: curve.reason?.en ?? 'trade-off failed' };
  return { ok: true, json: JSON.stringify(curve ? { ...mix, tradeOff: curve } : mix) };
}
