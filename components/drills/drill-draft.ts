import { drillRequestSchema, type DrillComponent, type DrillRequest } from "@/core/drills/drill-api";
import { DRILL_ERROR_PRESETS } from "@/core/drills/drills";
import type { RegionId } from "@/core/routing/regions";

/** A drill as the form holds it: numbers as typed, the rate in percent, "" for every region. */
export interface DrillDraft {
  component: DrillComponent;
  region: RegionId | "";
  errorMessage: string;
  ratePercent: string;
  durationSeconds: string;
  /** Only for the processor, whose checks see event ids. */
  eventIdPrefix: string;
}

export type DrillDraftErrors = Partial<Record<keyof DrillDraft, string>>;

/** A new drill: the processor everywhere, the first preset, 30% for two minutes. */
export function createDrillDraft(): DrillDraft {
  return {
    component: "processor",
    region: "",
    errorMessage: DRILL_ERROR_PRESETS[0]!.message,
    ratePercent: "30",
    durationSeconds: "120",
    eventIdPrefix: "",
  };
}

/** Whether a component's drill can name a region: history writes are not per region. */
export function takesRegion(component: DrillComponent): boolean {
  return component !== "history";
}

function readNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/** The request body of a draft; an empty number becomes NaN, which the schema words as "must be a number". */
export function toDrillRequest(draft: DrillDraft): DrillRequest {
  const prefix = draft.eventIdPrefix.trim();
  return {
    component: draft.component,
    ...(draft.region !== "" && takesRegion(draft.component) ? { region: draft.region } : {}),
    errorMessage: draft.errorMessage,
    rate: readNumber(draft.ratePercent) / 100,
    durationSeconds: readNumber(draft.durationSeconds),
    ...(prefix !== "" && draft.component === "processor" ? { eventIdPrefix: prefix } : {}),
  };
}

const RATE_MESSAGE = "rate must be a percentage from 0 to 100";

/** The form field an API field's problem belongs beside (the rate is typed in percent, so its reason is too). */
export function mapDrillField(path: string, message: string): { field: keyof DrillDraft; message: string } | null {
  const field = path.split(".")[0];
  if (field === "rate") return { field: "ratePercent", message: RATE_MESSAGE };
  if (field === "component" || field === "region" || field === "errorMessage" || field === "durationSeconds" || field === "eventIdPrefix")
    return { field, message };
  return null;
}

/** Each bad field of a draft with the API schema's reason, checked as the operator types: the same rules the server applies. */
export function validateDrillDraft(draft: DrillDraft): DrillDraftErrors {
  const parsed = drillRequestSchema.safeParse(toDrillRequest(draft));
  if (parsed.success) return {};
  const errors: DrillDraftErrors = {};
  for (const issue of parsed.error.issues) {
    const mapped = mapDrillField(issue.path.join("."), issue.message);
    if (mapped) errors[mapped.field] ??= mapped.message;
  }
  return errors;
}
