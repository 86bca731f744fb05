import type { Command } from "../command.js";
import { sampleCommand } from "./cohort.js";
import { demoCommand } from "./demo.js";
import { evaluateCommand } from "./evaluate.js";
import { inspectCommand } from "./inspect.js";
import { notebookCommand } from "./notebook.js";
import { planCommand, readinessCommand } from "./readiness.js";
import { sampleDistrictCommand } from "./sample-district.js";
import { schemaCommand } from "./schema.js";
import { pairsCommand, scheduleCommand } from "./schedule.js";
import { validateCommand } from "./validate.js";

/** Every subcommand, in the order `pthv --help` lists them. Parts add theirs here. */
export const COMMANDS: Command[] = [
  demoCommand,
  inspectCommand,
  schemaCommand,
  sampleDistrictCommand,
  sampleCommand,
  readinessCommand,
  planCommand,
  scheduleCommand,
  pairsCommand,
  validateCommand,
  evaluateCommand,
  notebookCommand,
];
