import { alertViewSchema, type AlertView } from "@/core/alert-rules";
import { readJson, sendRequest } from "@/components/ui/api-client";

/** Acknowledges a firing alert with a note; the server's refusal (already acknowledged, resolved) becomes the error. */
export async function acknowledgeAlert(id: string, note: string): Promise<AlertView> {
  const url = `/api/alerts/${id}/ack`;
  const response = await sendRequest("/api/alerts/:id/ack", url, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify({ note }),
  });
  return readJson(url, response, alertViewSchema, (status, error) => error?.message ?? `HTTP ${status} ${response.statusText}`.trim());
}
