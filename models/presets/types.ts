import type { Scenario, TargetOp } from '../scenario.ts';
import type { Text } from '../types.ts';

/**
 * What a plan itself says about one of its indicators (kept exactly as stated, even where the
 * plan contradicts itself), keyed in `PresetDef.indicatorNotes` by the `indicator` of an actual.
 */
export interface PlanIndicatorNote {
  /** The plan's own status words for the indicator, e.g. 已完成, 符合预期. */
  status?: string;
  /** Where the plan says so (seed line). */
  statusRef?: string;
  /** The indicator's unit as the plan writes it (for indicators that are not model targets). */
  unit?: string;
  /** Which way is better: '>=' (more, the default) or '<=' (less), for indicators that are not model targets. */
  op?: TargetOp;
  /** 约束性 (binding) or 预期性 (indicative), when the plan says so. */
  kind?: 'binding' | 'indicative';
  /** The chapter (领域, 类别) of the plan's indicator table the indicator sits in. */
  chapter?: Text;
}

/** A prepared scenario: a real plan's figures (each with its source) or the national baseline. */
export interface PresetDef {
  id: string;
  label: Text;
  description: Text;
  scenario: Scenario;
  /** The plan's own words about its indicators (status, unit), by actual `indicator`. */
  indicatorNotes?: Readonly<Record<string, PlanIndicatorNote>>;
  /**
   * Labels in both languages of the preset's own targets (those not from the targets catalog)
   * and of its plan-only indicators, by target id or actual `indicator` (the scenario document
   * holds one language; the app shows the other from here while the label is unchanged).
   */
  labels?: Readonly<Record<string, Text>>;
}
