/**
 * The rule for figures in lesson texts: a number is either a placeholder resolved against the
 * model run (`{beds_total@2025}`) or a figure from a plan followed by its line ("58%（S:87）"),
 * never typed in by hand. Years (2025, 2021–2025), ordinals (14th), ages (60岁, 60+) and unit
 * denominators (per 10,000) name things rather than count them: they are not figures.
 * `bareFigures` lists the numbers that break the rule; `citedFigures` pairs each cited figure
 * with the plan lines it cites, so a test can check that the figure is on those lines. Pure.
 */

/** A plan-line citation: a seed letter and a line or a range (S:87, S:205–211). */
export const CITATION = /\b([JSLPT]):(\d+)(?:\s*[–-]\s*(\d+))?/g;

/** One plan line range a figure cites. */
export interface PlanLines {
  plan: string;
  from: number;
  to: number;
}

/** A figure with the plan lines it cites. */
export interface CitedFigure {
  figure: string;
  lines: PlanLines[];
}

const PLACEHOLDER = /\{[^{}]*\}/g;
/** Digits, with thousands separators and a decimal part. */
const NUMBER = /\d+(?:[,，]\d{3})*(?:\.\d+)?/g;
/** Where a clause ends: a citation after this point does not cite the numbers before it. */
const CLAUSE_END = /[。！？；;!?\n]|\.(?:\s|$)/;

function isYear(text: string, index: number, token: string): boolean {
  if (!/^\d{4}$/.test(token)) return false;
  const n = Number(token);
  if (n < 1990 || n > 2100) return false;
  // "2000张" or "2025%" is a quantity, not a year.
  const after = text.slice(index + token.length, index + token.length + 2);
  return !/^(?:[%‰\d万亿张人元个名家所项床]|[.,，]\d)/.test(after);
}

/** Words that name rather than count: ordinals (14th, 第3), ages (60岁, 60+, aged 80) and unit denominators (per 10,000). */
function isName(text: string, index: number, token: string): boolean {
  const after = text.slice(index + token.length, index + token.length + 3);
  const before = text.slice(Math.max(0, index - 6), index);
  return /^(?:st|nd|rd|th)\b/.test(after) || /^(?:岁|\+)/.test(after) || /(?:第|aged |per |per-)$/.test(before);
}

/** The text with placeholders blanked and citations replaced by a marker (same length). */
function mask(text: string): { masked: string; citations: { pos: number; lines: PlanLines[] }[] } {
  let masked = text.replace(PLACEHOLDER, (m) => ' '.repeat(m.length));
  const citations: { pos: number; lines: PlanLines[] }[] = [];
  masked = masked.replace(CITATION, (m, plan: string, from: string, to: string | undefined, at: number) => {
    citations.push({ pos: at, lines: [{ plan, from: Number(from), to: Number(to ?? from) }] });
    return '§'.repeat(m.length);
  });
  return { masked, citations };
}

interface Figure {
  token: string;
  /** Where the figure starts in the text. */
  pos: number;
  /** The citations that follow it in its clause (the nearest group of adjacent citations). */
  lines: PlanLines[];
}

function figures(text: string): Figure[] {
  const { masked, citations } = mask(text);
  const out: Figure[] = [];
  for (const m of masked.matchAll(NUMBER)) {
    const at = m.index ?? 0;
    const token = m[0];
    if (isYear(masked, at, token) || isName(masked, at, token)) continue;
    const rest = masked.slice(at + token.length);
    const end = rest.search(CLAUSE_END);
    const clauseEnd = at + token.length + (end < 0 ? rest.length : end);
    // The first citation after the figure in its clause, and any citations right after it ("S:77–90, S:205–211").
    const following = citations.filter((c) => c.pos > at && c.pos < clauseEnd);
    const lines: PlanLines[] = [];
    for (let i = 0; i < following.length; i++) {
      if (i > 0) {
        const gap = masked.slice(following[i - 1].pos, following[i].pos).replace(/§/g, '');
        if (!/^[\s,，、;；和及与and]*$/.test(gap)) break;
      }
      lines.push(...following[i].lines);
    }
    out.push({ token, pos: at, lines });
  }
  return out;
}

/** The numbers of a text that are neither in a placeholder nor followed by a plan-line citation in their clause. */
export function bareFigures(text: string): string[] {
  return figures(text)
    .filter((f) => f.lines.length === 0)
    .map((f) => `${f.token} in “…${text.slice(Math.max(0, f.pos - 20), f.pos + f.token.length + 12)}…”`);
}

/** Every cited figure of a text, with the plan lines its citation names. */
export function citedFigures(text: string): CitedFigure[] {
  return figures(text)
    .filter((f) => f.lines.length > 0)
    .map((f) => ({ figure: f.token.replace(/[,，]/g, ''), lines: f.lines }));
}
