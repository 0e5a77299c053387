import type { AlertView } from "@/core/alerts/alert-rules";
import type { AlertHistoryEntry } from "@/core/timeline/timeline";
import { AppError } from "../errors";
import type { PrismaClient } from "../db/generated/client";
import { toAlertView } from "./alert-rows";

/** An alert and every change and notification attempt it went through, oldest first; 404 when unknown. */
export async function getAlertHistory(prisma: PrismaClient, id: string): Promise<{ alert: AlertView; history: AlertHistoryEntry[] }> {
  const row = await prisma.alert.findUnique({
    where: { id },
    include: { rule: true, transitions: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
  });
  if (!row) throw new AppError("not_found", `No alert ${id}.`);
  return {
    alert: toAlertView(row),
    history: row.transitions.map((t) => ({ kind: t.kind, at: t.at.getTime(), actor: t.actor, note: t.note, value: t.value })),
  };
}
