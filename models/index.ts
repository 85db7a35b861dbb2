/**
 * The model: every domain module, in the order the parameter panel shows them.
 * Population first: every other module reads its series.
 */
import type { ModelModule } from './types.ts';
import { population } from './population.ts';
import { dependency } from './dependency.ts';
import { beds } from './beds.ts';
import { careWorkers } from './care-workers.ts';
import { assistance } from './assistance.ts';
import { socialWorkers } from './social-workers.ts';

/** All modules of the model. */
export const modules: readonly ModelModule[] = [population, dependency, beds, assistance, careWorkers, socialWorkers];
