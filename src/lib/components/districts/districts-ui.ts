/**
 * What the side panels need for a city of districts, in one chunk that loads only when the
 * scenario has districts (a one-place scenario, the common case, never loads it).
 */
import { districtsOf } from '../../state/districts-state.svelte.ts';
import { isHeadlineParameter } from '../../../engine/districts/edit.ts';
import DistrictParameter from './district-parameter.svelte';
import DistrictNote from './district-note.svelte';
import DistrictSelector from './district-selector.svelte';

const parts = { districtsOf, isHeadlineParameter, DistrictParameter, DistrictNote, DistrictSelector };
export default parts;
