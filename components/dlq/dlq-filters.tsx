"use client";

import { useState, type FormEvent } from "react";
import { DLQ_COMPONENTS } from "@/core/dlq/dlq-api";
import { FAILURE_SEVERITIES } from "@/core/dlq/failures";
import { REGION_IDS } from "@/core/routing/regions";
import { EMPTY_FILTER, type DlqFilter } from "./dlq-filter-query";
import frame from "@/components/ui/page.module.css";
import { RegionOptions } from "@/components/ui/region-options";
import { Button } from "@/components/ui/button";
import { FilterField, filterControlClassName } from "@/components/ui/field";
import { formatDateInput, parseDateInput } from "@/components/ui/time-format";
import { useTimeZone } from "@/components/ui/use-time-zone";
import styles from "./dlq.module.css";

interface DlqFiltersProps {
  filter: DlqFilter;
  onChange: (filter: DlqFilter) => void;
}

/** Region, severity and component apply at once; the error text and times (in the time base) apply with Enter or "Apply". */
export function DlqFilters({ filter, onChange }: DlqFiltersProps) {
  const { timeZone, label } = useTimeZone();
  const [q, setQ] = useState(filter.q);
  const [from, setFrom] = useState(formatDateInput(filter.from, timeZone));
  const [to, setTo] = useState(formatDateInput(filter.to, timeZone));
  const [shown, setShown] = useState({ filter, timeZone });
  // A filter changed from outside (back/forward, clear) or another time base refills the typed fields.
  if (shown.filter !== filter || shown.timeZone !== timeZone) {
    setShown({ filter, timeZone });
    setQ(filter.q);
    setFrom(formatDateInput(filter.from, timeZone));
    setTo(formatDateInput(filter.to, timeZone));
  }

  function apply(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    onChange({ ...filter, q, from: parseDateInput(from, timeZone), to: parseDateInput(to, timeZone) });
  }

  return (
    <form className={frame.filters} role="search" aria-label="Filter dead letters" onSubmit={apply}>
      <FilterField label="Region">
        <select
          className={filterControlClassName}
          data-testid="filter-region"
          value={filter.region ?? ""}
          onChange={(e) => onChange({ ...filter, region: REGION_IDS.find((r) => r === e.target.value) ?? null })}
        >
          <RegionOptions allLabel="All regions" />
        </select>
      </FilterField>
      <FilterField label="Severity">
        <select
          className={filterControlClassName}
          data-testid="filter-severity"
          value={filter.severity ?? ""}
          onChange={(e) => onChange({ ...filter, severity: FAILURE_SEVERITIES.find((s) => s === e.target.value) ?? null })}
        >
          <option value="">All severities</option>
          {FAILURE_SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {severity}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Component">
        <select
          className={filterControlClassName}
          data-testid="filter-component"
          value={filter.component ?? ""}
          onChange={(e) => onChange({ ...filter, component: DLQ_COMPONENTS.find((c) => c === e.target.value) ?? null })}
        >
          <option value="">All components</option>
          {DLQ_COMPONENTS.map((component) => (
            <option key={component} value={component}>
              {component}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Error or event id" className={styles.fieldWide}>
        <input
          className={filterControlClassName}
          data-testid="filter-q"
          type="search"
          value={q}
          maxLength={200}
          placeholder="e.g. timeout"
          onChange={(e) => setQ(e.target.value)}
        />
      </FilterField>
      <FilterField label={`From (${label})`}>
        <input
          className={filterControlClassName}
          data-testid="filter-from"
          type="datetime-local"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
      </FilterField>
      <FilterField label={`To (${label})`}>
        <input
          className={filterControlClassName}
          data-testid="filter-to"
          type="datetime-local"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
      </FilterField>
      <Button type="submit" data-testid="filter-apply">
        Apply
      </Button>
      <Button onClick={() => onChange(EMPTY_FILTER)}>Clear</Button>
    </form>
  );
}
