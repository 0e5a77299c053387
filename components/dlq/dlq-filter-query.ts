import { DLQ_COMPONENTS } from "@/core/dlq/dlq-api";
import { FAILURE_SEVERITIES, type FailureSeverity } from "@/core/dlq/failures";
import { REGION_IDS, type RegionId } from "@/core/routing/regions";

/** The DLQ page's filter, kept in the address so a filtered view can be shared. */
export interface DlqFilter {
  region: RegionId | null;
  severity: FailureSeverity | null;
  component: (typeof DLQ_COMPONENTS)[number] | null;
  q: string;
  /** Epoch ms, inclusive. */
  from: number | null;
  /** Epoch ms, exclusive. */
  to: number | null;
}

export const EMPTY_FILTER: DlqFilter = { region: null, severity: null, component: null, q: "", from: null, to: null };

function pick<T extends string>(values: readonly T[], value: string | null | undefined): T | null {
  return values.find((v) => v === value) ?? null;
}

function readInstant(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,16}$/.test(value)) return null;
  return Number(value);
}

/** The filter an address names; values the API would refuse are left out rather than shown as an error. */
export function readFilterQuery(params: { get(name: string): string | null }): DlqFilter {
  return {
    region: pick(REGION_IDS, params.get("region")),
    severity: pick(FAILURE_SEVERITIES, params.get("severity")),
    component: pick(DLQ_COMPONENTS, params.get("component")),
    q: (params.get("q") ?? "").slice(0, 200),
    from: readInstant(params.get("from")),
    to: readInstant(params.get("to")),
  };
}

/** The query string of a filter, with only what is set, in the API's names. */
export function writeFilterQuery(filter: DlqFilter): URLSearchParams {
  const query = new URLSearchParams();
  if (filter.region) query.set("region", filter.region);
  if (filter.severity) query.set("severity", filter.severity);
  if (filter.component) query.set("component", filter.component);
  if (filter.q.trim()) query.set("q", filter.q.trim());
  if (filter.from !== null) query.set("from", String(filter.from));
  if (filter.to !== null) query.set("to", String(filter.to));
  return query;
}

/** The filter as a replay's `filter` body. */
export function toReplayFilter(filter: DlqFilter) {
  return {
    ...(filter.region ? { region: filter.region } : {}),
    ...(filter.severity ? { severity: filter.severity } : {}),
    ...(filter.component ? { component: filter.component } : {}),
    ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
    ...(filter.from !== null ? { from: filter.from } : {}),
    ...(filter.to !== null ? { to: filter.to } : {}),
  };
}
