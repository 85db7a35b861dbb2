/** Single-year age layout shared by the population kernel: ages 0..99 and the open group 100+. */

/** Number of age slots per sex: 0..99 and 100 (= 100+). */
export const AGE_SLOTS = 101;
/** Index of the open age group 100+. */
export const OPEN_AGE = 100;
