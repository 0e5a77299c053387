import { z } from "zod";
import { drillListSchema, runningDrillSchema, type DrillList, type DrillRequest, type RunningDrill } from "@/core/drills/drill-api";
import { ApiError, fetchJson, readJson, sendRequest } from "@/components/ui/api-client";

/** The drills page's list; the board follows the snapshot instead. */
export const DRILLS_QUERY_KEY = ["drills"] as const;

const fieldErrorsSchema = z.object({
  error: z.object({
    message: z.string(),
    details: z.object({ fields: z.array(z.object({ path: z.string(), message: z.string() })) }).optional(),
  }),
});

/** A refused drill: the server's reason for each field, to show beside it. */
export class DrillRefusedError extends ApiError {
  constructor(
    message: string,
    readonly fields: ReadonlyArray<{ path: string; message: string }>,
  ) {
    super("/api/chaos", message);
  }
}

function describeRefusal(status: number, error: { message: string } | null): string {
  return error?.message ?? `HTTP ${status}`;
}

/** GET /api/chaos: the drills running now, with the server's clock. */
export function fetchDrills(signal: AbortSignal): Promise<DrillList> {
  return fetchJson("/api/chaos", "/api/chaos", drillListSchema, signal);
}

/** POST /api/chaos; a 400 becomes a DrillRefusedError naming each bad field. */
export async function startDrill(request: DrillRequest): Promise<RunningDrill> {
  const response = await sendRequest("/api/chaos", "/api/chaos", {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(request),
  });
  if (response.status === 400) {
    const refused = fieldErrorsSchema.safeParse(
      await response
        .clone()
        .json()
        .catch(() => null),
    );
    if (refused.success) throw new DrillRefusedError(refused.data.error.message, refused.data.error.details?.fields ?? []);
  }
  return readJson("/api/chaos", response, runningDrillSchema, describeRefusal);
}

/** DELETE /api/chaos/:id: stops one drill; the server's refusal (it ended already) becomes the error. */
export async function stopDrill(id: string): Promise<void> {
  const url = `/api/chaos/${encodeURIComponent(id)}`;
  const response = await sendRequest("/api/chaos/:id", url, { method: "DELETE", headers: { accept: "application/json" } });
  await readJson("/api/chaos/:id", response, z.object({ ended: runningDrillSchema }), describeRefusal);
}

/** DELETE /api/chaos: stops every drill; answers how many were running. */
export async function stopAllDrills(): Promise<number> {
  const response = await sendRequest("/api/chaos", "/api/chaos", { method: "DELETE", headers: { accept: "application/json" } });
  return (await readJson("/api/chaos", response, z.object({ ended: z.number() }), describeRefusal)).ended;
}
