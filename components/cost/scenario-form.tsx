import { useCallback, useMemo } from "react";
import type { ScenarioFieldError } from "@/core/cost/cost-scenario";
import type { CostReport } from "@/core/cost/cost-report";
import { REGIONS, getRegionConfig } from "@/core/routing/regions";
import { Panel } from "@/components/ui/panel";
import { fieldIdOf } from "./field-ids";
import { RegionCard } from "./region-card";
import { createRegionDraft, findUnusedRegion, indexFieldErrors, type RegionDraft, type ScenarioDraft } from "./scenario-draft";
import styles from "./scenario-form.module.css";
import { TextField } from "./text-field";
import { TrafficPatternEditor } from "./traffic-pattern-editor";

interface ScenarioFormProps {
  draft: ScenarioDraft;
  /** The schema's complaints about the draft as it stood a moment ago. */
  errors: readonly ScenarioFieldError[];
  /** The latest valid results, for each region's subtotal. */
  report: CostReport | null;
  /** The results are from before the latest edits (the draft does not validate). */
  stale: boolean;
  onChange: (update: (draft: ScenarioDraft) => ScenarioDraft) => void;
}

type SettingKey = "budgetInr" | "latencyBoundMs" | "networkCompressionRatio" | "users";

/** The scenario's settings, traffic pattern and regions, each field with the schema's reason when it is refused. */
export function ScenarioForm({ draft, errors, report, stale, onChange }: ScenarioFormProps) {
  const byPath = useMemo(() => indexFieldErrors(errors), [errors]);
  const unused = findUnusedRegion(draft);

  const changeRegion = useCallback(
    (index: number, change: Partial<RegionDraft>) =>
      onChange((current) => ({ ...current, regions: current.regions.map((entry, i) => (i === index ? { ...entry, ...change } : entry)) })),
    [onChange],
  );
  const removeRegion = useCallback(
    (index: number) => onChange((current) => ({ ...current, regions: current.regions.filter((_, i) => i !== index) })),
    [onChange],
  );
  const addRegion = () => {
    if (unused) onChange((current) => ({ ...current, regions: [...current.regions, createRegionDraft(unused)] }));
  };
  const setSetting = (key: SettingKey, value: string) => onChange((current) => ({ ...current, [key]: value }));

  const setting = (key: SettingKey, label: string, hint: string, whole = false) => (
    <TextField
      id={fieldIdOf(key)}
      label={label}
      value={draft[key]}
      onChange={(value) => setSetting(key, value)}
      error={byPath.get(key)}
      hint={hint}
      inputMode={whole ? "numeric" : "decimal"}
      testId={`field-${key}`}
    />
  );

  const takenBy = (index: number) => new Set(draft.regions.filter((_, i) => i !== index).map((entry) => entry.region));
  const totals = new Map(report?.current.regions.map((region) => [region.region, region.totalInr]));

  return (
    <div className={styles.form} data-testid="scenario-form">
      <Panel title="Settings" meta="whole scenario">
        <div className={styles.settingsGrid}>
          {setting("budgetInr", "Budget ₹ a month", "₹2,00,000 by default")}
          {setting("latencyBoundMs", "Latency bound ms", "how far a workload may move")}
          {setting("networkCompressionRatio", "Compression ratio", "compressed ÷ original bytes")}
          {setting("users", "Users", "optional: for the growth phase", true)}
        </div>
        <TrafficPatternEditor
          idPrefix={fieldIdOf("trafficPattern")}
          pattern={draft.trafficPattern}
          errors={byPath}
          onChange={(hour, value) =>
            onChange((current) => ({ ...current, trafficPattern: current.trafficPattern.map((m, h) => (h === hour ? value : m)) }))
          }
        />
      </Panel>

      {draft.regions.map((entry, index) => (
        <RegionCard
          key={entry.key}
          index={index}
          entry={entry}
          takenRegions={takenBy(index)}
          errors={byPath}
          totalInr={totals.get(entry.region) ?? null}
          stale={stale}
          canRemove={draft.regions.length > 1}
          onChange={changeRegion}
          onRemove={removeRegion}
        />
      ))}

      <button type="button" className={styles.addRegion} onClick={addRegion} disabled={!unused} data-testid="add-region">
        {unused ? `+ Add ${getRegionConfig(unused).name}` : `All ${REGIONS.length} regions are in the scenario`}
      </button>
    </div>
  );
}
