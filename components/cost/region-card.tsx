import { memo, useState } from "react";
import { REGIONS, getRegionCostRates, type RegionId } from "@/core/routing/regions";
import { Field, FieldNote, Select } from "@/components/ui/field";
import { Segmented } from "@/components/ui/segmented";
import { fieldIdOf } from "./field-ids";
import { RATE_LABELS } from "./field-labels";
import { formatRupees } from "./format-cost";
import { RATE_FIELDS, type FleetType, type RateField, type RegionDraft } from "./scenario-draft";
import styles from "./scenario-form.module.css";
import { TextField } from "./text-field";

const FLEET_OPTIONS = [
  { value: "fixed", label: "Fixed" },
  { value: "autoscale", label: "Autoscaling" },
] as const satisfies ReadonlyArray<{ value: FleetType; label: string }>;

type TextKey =
  "instances" | "min" | "max" | "eventsPerSecondPerInstance" | "peakEventsPerSecond" | "storageGb" | "networkGb" | "partitions";

interface RegionCardProps {
  index: number;
  entry: RegionDraft;
  /** Regions other cards use, not offered here (each region appears once). */
  takenRegions: ReadonlySet<RegionId>;
  errors: ReadonlyMap<string, string>;
  /** The region's monthly total from the latest valid results; null while there are none. */
  totalInr: number | null;
  /** The total is from before the latest edits. */
  stale: boolean;
  canRemove: boolean;
  onChange: (index: number, change: Partial<RegionDraft>) => void;
  onRemove: (index: number) => void;
}

/** One region of the scenario: where, what fleet, how much is stored, moved and partitioned, and at what rates. */
export const RegionCard = memo(function RegionCard({
  index,
  entry,
  takenRegions,
  errors,
  totalInr,
  stale,
  canRemove,
  onChange,
  onRemove,
}: RegionCardProps) {
  const region = REGIONS.find((candidate) => candidate.id === entry.region);
  const defaults = getRegionCostRates(entry.region);
  const errorAt = (field: string) => errors.get(`regions.${index}.${field}`);
  const fieldId = (field: string) => fieldIdOf(`regions.${index}.${field}`);
  const testId = (field: string) => `field-${entry.region}-${field}`;

  const numberField = (key: TextKey, path: string, label: string, hint?: string, whole = false) => (
    <TextField
      id={fieldId(path)}
      label={label}
      value={entry[key]}
      onChange={(value) => onChange(index, { [key]: value })}
      error={errorAt(path)}
      hint={hint}
      inputMode={whole ? "numeric" : "decimal"}
      testId={testId(key)}
    />
  );

  const setRate = (field: RateField, value: string) => onChange(index, { rates: { ...entry.rates, [field]: value } });
  const overridden = RATE_FIELDS.filter((field) => entry.rates[field].trim() !== "").length;
  const rateErrors = RATE_FIELDS.some((field) => errorAt(`rates.${field}`));
  const [ratesOpen, setRatesOpen] = useState(overridden > 0);
  // A bad rate opens the rates; fixing it leaves them open rather than snapping shut under the cursor.
  if (rateErrors && !ratesOpen) setRatesOpen(true);

  return (
    <section className={styles.regionCard} aria-labelledby={fieldId("title")} data-testid={`region-card-${entry.region}`}>
      <header className={styles.regionHeader}>
        <h3 id={fieldId("title")} className={styles.regionTitle}>
          {region?.name ?? entry.region}
        </h3>
        <span className={`${styles.regionTotal} num`} data-testid={`region-total-${entry.region}`} data-stale={stale || undefined}>
          {totalInr === null ? "" : `${formatRupees(totalInr)}/mo`}
        </span>
        <button
          type="button"
          className={styles.iconButton}
          onClick={() => onRemove(index)}
          disabled={!canRemove}
          title={canRemove ? undefined : "A scenario needs at least one region"}
          aria-label={`Remove ${region?.name ?? entry.region}`}
        >
          ×
        </button>
      </header>

      <div className={styles.regionRow}>
        <Field label="Region" htmlFor={fieldId("region")}>
          <Select
            id={fieldId("region")}
            value={entry.region}
            data-testid={testId("region")}
            onChange={(event) => onChange(index, { region: event.target.value as RegionId })}
          >
            {REGIONS.map((candidate) => (
              <option key={candidate.id} value={candidate.id} disabled={takenRegions.has(candidate.id)}>
                {candidate.name}
                {candidate.costRates.estimate ? " (estimated rates)" : ""}
              </option>
            ))}
          </Select>
          {/* Taken regions cannot be picked, so only a scenario from elsewhere can bring an error here. */}
          {errorAt("region") ? <FieldNote error>{errorAt("region")}</FieldNote> : null}
        </Field>
        <Segmented
          legend="Fleet"
          name={fieldId("fleet-type")}
          options={FLEET_OPTIONS.map((option) => ({ ...option, testId: testId(`fleet-${option.value}`) }))}
          value={entry.fleetType}
          onChange={(fleetType) => onChange(index, { fleetType })}
        />
      </div>

      {entry.fleetType === "fixed" ? (
        <div className={styles.fieldGrid}>{numberField("instances", "fleet.instances", "Instances", "running all month", true)}</div>
      ) : (
        <div className={styles.fieldGrid}>
          {numberField("min", "fleet.min", "Min instances", undefined, true)}
          {numberField("max", "fleet.max", "Max instances", undefined, true)}
          {numberField("eventsPerSecondPerInstance", "fleet.eventsPerSecondPerInstance", "Events/s per instance")}
          {numberField("peakEventsPerSecond", "peakEventsPerSecond", "Peak events/s", "at the busiest hour")}
        </div>
      )}

      <div className={styles.fieldGrid}>
        {numberField("storageGb", "storageGb", "Storage GB")}
        {numberField("networkGb", "networkGb", "Network GB", "moved a month")}
        {numberField("partitions", "partitions", "Kafka partitions", undefined, true)}
      </div>

      <details className={styles.rates} open={ratesOpen} onToggle={(event) => setRatesOpen(event.currentTarget.open)}>
        <summary className={styles.ratesSummary}>
          Rates
          <span className={styles.ratesNote}>
            {overridden > 0 ? `${overridden} of 4 set here` : defaults.estimate ? "defaults (estimates)" : "defaults from the spec"}
          </span>
        </summary>
        <div className={styles.fieldGrid}>
          {RATE_FIELDS.map((field) => (
            <TextField
              key={field}
              id={fieldId(`rates.${field}`)}
              label={RATE_LABELS[field]}
              value={entry.rates[field]}
              onChange={(value) => setRate(field, value)}
              error={errorAt(`rates.${field}`)}
              placeholder={`${defaults[field]} default`}
              testId={testId(`rate-${field}`)}
            />
          ))}
        </div>
      </details>
    </section>
  );
});
