/** JSON Schema of the record format, generated from the zod schema the code validates with. */
import { z } from "zod";
import { recordFileSchema } from "./schema";

export function recordJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(recordFileSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
