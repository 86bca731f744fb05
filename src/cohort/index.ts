/**
 * The cohort sampler: which families are invited this season, drawn so that no family is singled
 * out (non-negotiable 4), reproducibly and auditably.
 *
 * @packageDocumentation
 */
export { BALANCE_THRESHOLDS, checkBalance } from "./balance.js";
export type { FrameRow, FrameSource } from "./frame.js";
export type { SampleCohortOptions, SizePerSchool } from "./options.js";
export { replaceDeclined } from "./replace.js";
export { sampleCohort } from "./sample.js";
export { verifyCohort } from "./verify.js";
export type { CohortVerification, VerificationCheck } from "./verify.js";
