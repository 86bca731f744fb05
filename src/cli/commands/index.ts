import type { Command } from "../command.js";
import { sampleCommand } from "./cohort.js";
import { demoCommand } from "./demo.js";
import { sampleDistrictCommand } from "./sample-district.js";
import { schemaCommand } from "./schema.js";
import { validateCommand } from "./validate.js";

/** Every subcommand, in the order `pthv --help` lists them. Parts add theirs here. */
export const COMMANDS: Command[] = [demoCommand, schemaCommand, sampleDistrictCommand, sampleCommand, validateCommand];
