/**
 * The pair scheduler: forms educator pairs (exact maximum-weight matching) and books a season of
 * visits outside the school day (exact minimum-cost flow), with reflections, compensation,
 * rescheduling, second visits, and calendar and spreadsheet exports.
 *
 * @packageDocumentation
 */
export { ScheduleInput, ScheduleOptions, parseScheduleInput } from "./input.js";
export type { ScheduleInputData } from "./input.js";
export { scheduleVisits } from "./schedule.js";
export type { BudgetReport, Schedule, ScheduleObjective, ScheduledReflection, ScheduledVisit, UnscheduledFamily } from "./schedule.js";
export type { UnscheduledReason } from "./model.js";
export type { GridSummary } from "./slots.js";
export type { CompensationTotals, EducatorCompensation } from "./compensation.js";
export { reschedule } from "./reschedule.js";
export type { RescheduleReport, ScheduleChanges } from "./reschedule.js";
export { PairingOptions, formPairs } from "./pairs.js";
export type { FormedPair, Pairing, PairingOptionsInput, UnpairedEducator } from "./pairs.js";
export { scheduleToCsv, toICalendar } from "./export.js";
export type { ICalendarOptions, ScheduleTable } from "./export.js";
export { scheduleInputFromProgram } from "./from-program.js";
export type { ProgramScheduleRequest } from "./from-program.js";
