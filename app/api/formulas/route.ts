import { listFormulas } from "@/lib/formulas/evaluate";

export function GET() {
  return Response.json({ formulas: listFormulas() });
}
