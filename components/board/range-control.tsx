"use client";

import { formatDateInput, parseDateInput } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Segmented, type SegmentOption } from "@/components/ui/segmented";
import controls from "./time-controls.module.css";
import { checkCustomRange, PRESET_LABELS, RANGE_PRESETS, resolveRangeWindow, type RangePreset, type TimeRange } from "./time-range";

type Choice = RangePreset | "custom";

const OPTIONS: ReadonlyArray<SegmentOption<Choice>> = [
  ...RANGE_PRESETS.map((preset) => ({ value: preset, label: PRESET_LABELS[preset], testId: `range-${preset}` })),
  { value: "custom", label: "Custom", testId: "range-custom" },
];

interface RangeControlProps {
  range: TimeRange;
  onChange: (range: TimeRange) => void;
  /** The radio group's name, unique on the page. */
  name: string;
}

/** The charts' range: the last 15 min, 1 h, 6 h or 24 h, or a custom stretch of history picked with two pickers. */
export function RangeControl({ range, onChange, name }: RangeControlProps) {
  // The pickers read and write the time base's wall clock, the one the charts' labels use.
  const { timeZone } = useTimeZone();
  const toPickerValue = (epochMs: number) => formatDateInput(epochMs, timeZone);
  const fromPickerValue = (value: string) => parseDateInput(value, timeZone) ?? Number.NaN;
  const hydrated = useHydrated();
  const [editing, setEditing] = useState(false);
  // Picker values are in the browser's zone, so they are made in the browser only (never while rendering on the server).
  const [draft, setDraft] = useState(() =>
    range.kind === "custom" && typeof window !== "undefined"
      ? { from: toPickerValue(range.from), to: toPickerValue(range.to) }
      : { from: "", to: "" },
  );
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const choice: Choice = editing || range.kind === "custom" ? "custom" : range.preset;

  function choose(value: Choice): void {
    setProblem(null);
    if (value !== "custom") {
      setEditing(false);
      onChange({ kind: "last", preset: value });
      return;
    }
    // The pickers start on what the charts show now, so a custom range is the current one, narrowed.
    const [from, to] = resolveRangeWindow(range, Date.now());
    setDraft({ from: toPickerValue(from), to: toPickerValue(to) });
    setEditing(true);
  }

  function apply(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const from = fromPickerValue(draft.from);
    const to = fromPickerValue(draft.to);
    const refusal = checkCustomRange(from, to, Date.now());
    setProblem(refusal);
    if (refusal === null) onChange({ kind: "custom", from, to });
  }

  return (
    <div className={controls.range}>
      <Segmented legend="Charts' time range" name={name} size="small" options={OPTIONS} value={choice} onChange={choose} />
      {choice === "custom" && hydrated ? (
        <form className={controls.custom} onSubmit={apply} aria-label="Custom time range" data-testid="range-custom-form">
          <input
            type="datetime-local"
            className={controls.picker}
            aria-label="From"
            data-testid="range-from"
            value={draft.from}
            aria-invalid={problem !== null || undefined}
            aria-describedby={problem ? problemId : undefined}
            onChange={(event) => setDraft((d) => ({ ...d, from: event.target.value }))}
          />
          <span aria-hidden="true">–</span>
          <input
            type="datetime-local"
            className={controls.picker}
            aria-label="To"
            data-testid="range-to"
            value={draft.to}
            aria-invalid={problem !== null || undefined}
            aria-describedby={problem ? problemId : undefined}
            onChange={(event) => setDraft((d) => ({ ...d, to: event.target.value }))}
          />
          <Button size="small" type="submit" data-testid="range-apply">
            Show
          </Button>
          {problem ? (
            <span id={problemId} className={controls.problem} role="alert">
              {problem}
            </span>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
