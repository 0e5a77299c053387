import type { Runtime } from "../runtime";
import { faultRequestSchema, type ActiveFault } from "../workers/fault-injector";
import { readJsonBody } from "./respond";
import { parseBody } from "./validate";

/** POST /api/chaos: starts a drill; the component really throws the message at the rate for the duration. */
export async function startFault(runtime: Runtime, request: Request): Promise<ActiveFault> {
  const fault = runtime.faults.add(parseBody(faultRequestSchema, await readJsonBody(request, 16 * 1024)), Date.now());
  const scope = `${fault.region ? ` in ${fault.region}` : ""}${fault.eventIdPrefix ? ` for events ${fault.eventIdPrefix}*` : ""}`;
  console.log(`[chaos] ${fault.component}${scope} fails "${fault.errorMessage}" at ${fault.rate} for ${fault.durationSeconds} s`);
  return fault;
}

/** GET /api/chaos: the drills running now. */
export function listFaults(runtime: Runtime): { faults: ActiveFault[] } {
  return { faults: runtime.faults.list(Date.now()) };
}

/** DELETE /api/chaos: ends every drill at once. */
export function endFaults(runtime: Runtime): { ended: number } {
  const ended = runtime.faults.clear(Date.now());
  console.log(`[chaos] ended ${ended} fault(s)`);
  return { ended };
}
