import { z } from "zod";
import { PthvUsageError } from "../../errors/index.js";
import { schemas, type SchemaName } from "../../model/index.js";
import { parseCommandArgs, type Command } from "../command.js";

/**
 * The JSON Schema of an input type, by zod's own conversion (draft 2020-12), describing the input
 * form (before defaults are filled in).
 */
export function jsonSchemaOf(name: SchemaName): Record<string, unknown> {
  const schema = z.toJSONSchema(schemas[name], { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { ...schema, title: name };
}

export const schemaCommand: Command = {
  name: "schema",
  summary: "print the JSON Schema of an input type",
  help: `Usage: pthv schema <Name>
       pthv schema --list

Prints the JSON Schema (draft 2020-12) of an input type, so tools in other languages can
validate programme files. Names: ${Object.keys(schemas).join(", ")}.

Options:
  --list      list the schema names
  -h, --help  show this help`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { list: { type: "boolean" } }, true);
    if (values.help) return io.stdout(`${this.help}\n`), 0;
    if (values.list) return io.stdout(`${Object.keys(schemas).join("\n")}\n`), 0;
    const [name, ...rest] = positionals;
    if (name === undefined || rest.length > 0) throw new PthvUsageError("name one schema, e.g. 'pthv schema Visit' (see 'pthv schema --list')");
    if (!(name in schemas)) throw new PthvUsageError(`unknown schema '${name}': one of ${Object.keys(schemas).join(", ")}`);
    io.stdout(`${JSON.stringify(jsonSchemaOf(name as SchemaName), null, 2)}\n`);
    return 0;
  },
};
