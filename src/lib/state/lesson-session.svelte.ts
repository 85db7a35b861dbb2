/**
 * The lesson being taught: which lesson, which step, the room's predictions and slider moves,
 * and the step's scenarios with their results. The lesson's scenarios are its own — two
 * `ScenarioState`s on their own worker channels (`lesson-a`, `lesson-b`) — so teaching never
 * touches the planner's open scenario or anything saved; "open in the editor" hands a step's
 * scenario to the main page as a new unsaved scenario, through the library (which keeps
 * unsaved work first). Progress is kept in sessionStorage by lesson id, so a reload resumes.
 */
import type { Lesson } from '../../../models/lesson.ts';
import { findLesson } from '../../../models/lessons/index.ts';
import { lessonModel } from '../../engine/lesson/model.ts';
import { parseLesson } from '../../engine/lesson/schema.ts';
import { stateStep, stepScenarios, type StepOverrides } from '../../engine/lesson/runner.ts';
import type { LessonRun } from '../../engine/lesson/refs.ts';
import type { Scenario } from '../../engine/types.ts';
import { ScenarioState } from './app-state.svelte.ts';
import { ACTIVE_LESSON_KEY } from './presentation-request.svelte.ts';

/** Where the lesson came from: built in, or a document (file, link, the editor's draft). */
export type LessonOrigin = 'builtin' | 'document';

/** What is kept across a reload, per lesson id. */
interface Progress {
  index: number;
  predictions: Record<number, number | null>;
  overrides: Record<number, StepOverrides>;
}

/** The lesson open in this tab (kept across a reload). */
interface Active {
  id: string;
  origin: LessonOrigin;
  presenting: boolean;
  /** The document itself when it is not built in. */
  doc?: Lesson;
}

const ACTIVE_KEY = ACTIVE_LESSON_KEY;
const progressKey = (id: string) => `lesson-progress:${id}`;

function readJson<T>(key: string): T | null {
  try {
    const text = sessionStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the lesson goes on, only a reload would lose the progress.
  }
}

/** One side's scenario state and the scenario text its result belongs to. */
class Side {
  readonly sim: ScenarioState;
  /** The scenario asked for (JSON), and the one the shown result belongs to. */
  wanted = $state<string | null>(null);
  ready = $state<string | null>(null);

  constructor(channel: string) {
    this.sim = new ScenarioState(channel);
  }

  /** Runs `scenario` unless it is already the one wanted; null clears the side. */
  async show(scenario: Scenario | null): Promise<void> {
    const key = scenario ? JSON.stringify(scenario) : null;
    if (key === this.wanted) return;
    this.wanted = key;
    if (!scenario || !key) return;
    this.sim.scenario = scenario;
    await this.sim.recompute();
    if (this.wanted === key && this.sim.status === 'idle') this.ready = key;
  }

  /** The side's scenario and result, the result only when it belongs to the scenario asked for. */
  get run(): LessonRun | null {
    if (this.wanted === null) return null;
    return { scenario: this.sim.scenario, result: this.ready === this.wanted ? this.sim.result : null };
  }
}

/** The page's lesson session. */
export class LessonSession {
  lesson = $state.raw<Lesson | null>(null);
  origin = $state<LessonOrigin>('builtin');
  index = $state(0);
  presenting = $state(false);
  /** The room's predictions by step index: a number in stored units, or the index of the chosen option. */
  predictions = $state<Record<number, number | null>>({});
  /** Slider moves by step index. */
  overrides = $state<Record<number, StepOverrides>>({});
  readonly a = new Side('lesson-a');
  readonly b = new Side('lesson-b');

  /** The current step. */
  get step() {
    return this.lesson?.steps[this.index] ?? null;
  }

  /** Opens a lesson at its saved progress (or its first step). */
  open(lesson: Lesson, origin: LessonOrigin, options: { present?: boolean; restart?: boolean } = {}): void {
    this.lesson = lesson;
    this.origin = origin;
    const saved = options.restart ? null : readJson<Progress>(progressKey(lesson.id));
    this.index = saved && saved.index >= 0 && saved.index < lesson.steps.length ? saved.index : 0;
    this.predictions = saved?.predictions ?? {};
    this.overrides = saved?.overrides ?? {};
    if (options.present !== undefined) this.presenting = options.present;
    this.#apply();
  }

  /** Reopens the lesson this tab had open before a reload; true when there was one. */
  resume(): boolean {
    const active = readJson<Active>(ACTIVE_KEY);
    if (!active) return false;
    let lesson: Lesson | undefined = active.origin === 'builtin' ? findLesson(active.id) : undefined;
    if (active.origin === 'document' && active.doc) {
      const r = parseLesson(active.doc, lessonModel());
      if (r.ok) lesson = r.lesson;
    }
    if (!lesson) return false;
    this.open(lesson, active.origin, { present: active.presenting });
    return true;
  }

  /** Goes to step `i` (clamped). */
  go(i: number): void {
    if (!this.lesson) return;
    this.index = Math.max(0, Math.min(this.lesson.steps.length - 1, i));
    this.#apply();
  }

  next(): void {
    this.go(this.index + 1);
  }

  prev(): void {
    this.go(this.index - 1);
  }

  /** Starts or stops the presentation view (the lesson stays open). */
  setPresenting(on: boolean): void {
    this.presenting = on;
    this.#save();
  }

  /** Records the room's prediction for the current step (null clears it). */
  predict(value: number | null): void {
    this.predictions = { ...this.predictions, [this.index]: value };
    this.#save();
  }

  /** Moves a live slider of the current step and recomputes that side. */
  setSlider(side: 'a' | 'b', id: string, value: number): void {
    const at = stateStep(this.lesson!, this.index);
    const mine = this.overrides[at] ?? {};
    this.overrides = { ...this.overrides, [at]: { ...mine, [side]: { ...(mine[side] ?? {}), [id]: value } } };
    this.#apply();
  }

  /** Puts the current step's sliders back to the lesson's values. */
  resetSliders(): void {
    const at = stateStep(this.lesson!, this.index);
    const { [at]: _dropped, ...rest } = this.overrides;
    this.overrides = rest;
    this.#apply();
  }

  /** Closes the lesson and forgets this tab's progress for it. */
  close(): void {
    if (this.lesson) {
      try {
        sessionStorage.removeItem(progressKey(this.lesson.id));
        sessionStorage.removeItem(ACTIVE_KEY);
      } catch {
        // nothing kept, nothing to forget
      }
    }
    this.lesson = null;
    this.presenting = false;
    void this.a.show(null);
    void this.b.show(null);
  }

  /** The current step's scenarios (lesson state and slider moves). */
  scenarios(): { a: Scenario | null; b: Scenario | null } {
    if (!this.lesson) return { a: null, b: null };
    const at = stateStep(this.lesson, this.index);
    return stepScenarios(this.lesson, at, lessonModel(), $state.snapshot(this.overrides[at]) ?? {});
  }

  #apply(): void {
    const { a, b } = this.scenarios();
    void this.a.show(a);
    void this.b.show(b);
    this.#save();
  }

  #save(): void {
    const lesson = this.lesson;
    if (!lesson) return;
    writeJson(progressKey(lesson.id), { index: this.index, predictions: $state.snapshot(this.predictions), overrides: $state.snapshot(this.overrides) } satisfies Progress);
    writeJson(ACTIVE_KEY, { id: lesson.id, origin: this.origin, presenting: this.presenting, ...(this.origin === 'document' ? { doc: lesson } : {}) } satisfies Active);
  }
}

let session: LessonSession | undefined;

/** The page's lesson session (created on first use). */
export function lessonSession(): LessonSession {
  session ??= new LessonSession();
  return session;
}
