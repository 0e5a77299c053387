import { z } from "zod";
import { drillRequestSchema, type DrillList, type RunningDrill } from "@/core/drills/drill-api";
import { describeDrill, formatDuration } from "@/core/drills/drills";
import { AppError } from "../errors";
import type { Runtime } from "../runtime";
import type { SessionRecord } from "../services/user-sessions";
import { readJsonBody } from "./respond";
import { parseBody, parseId } from "./validate";

const drillIdSchema = z.uuid({ error: "must be a drill id (a UUID)" });

/** POST /api/chaos: starts a drill; the component really throws the message at the rate for the duration. */
export async function startFault(runtime: Runtime, request: Request, session: SessionRecord): Promise<RunningDrill> {
  const asked = parseBody(drillRequestSchema, await readJsonBody(request, 16 * 1024));
  const drill = await runtime.drills.start(asked, session.user.username, Date.now());
  console.log(`[chaos] ${session.user.username} started ${describeDrill(drill)} for ${formatDuration(drill.durationSeconds)}`);
  return drill;
}

/** GET /api/chaos: the drills running now, with the server's clock. */
export function listFaults(runtime: Runtime): DrillList {
  const at = Date.now();
  return { at, faults: runtime.drills.list(at) };
}

/** DELETE /api/chaos: ends every drill at once. */
export async function endFaults(runtime: Runtime, session: SessionRecord): Promise<{ ended: number }> {
  const ended = await runtime.drills.stopAll(session.user.username, Date.now());
  console.log(`[chaos] ${session.user.username} ended ${ended.length} drill(s)`);
  return { ended: ended.length };
}

/** DELETE /api/chaos/:id: ends one drill; 404 when no drill of that id is running. */
export async function endFault(runtime: Runtime, id: string, session: SessionRecord): Promise<{ ended: RunningDrill }> {
  const drillId = parseId(drillIdSchema, id);
  const ended = await runtime.drills.stop(drillId, session.user.username, Date.now());
  if (!ended) throw new AppError("not_found", `No drill ${drillId} is running; it may have ended already.`);
  console.log(`[chaos] ${session.user.username} ended ${describeDrill(ended)}`);
  return { ended };
}
