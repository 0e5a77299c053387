import type { CostReport } from "@/core/cost/cost-report";
import { Panel } from "@/components/ui/panel";
import { CostChart } from "./cost-chart";
import type { CostSeries } from "./cost-chart-data";
import { CostSummary } from "./cost-summary";
import { FailoverWhatIf } from "./failover-what-if";
import { formatRupees } from "./format-cost";
import { OptimisationsTable } from "./optimisations-table";
import { RecommendationsList } from "./recommendations-list";
import styles from "./cost-results.module.css";

function createSeries(report: CostReport): CostSeries[] {
  return [
    { label: "Now", muted: false, regions: report.current.regions },
    { label: "Optimised", muted: true, regions: report.combined.regions },
  ];
}

/** Everything the scenario works out to: totals and budget, the chart, recommendations, each strategy and the failover what-if. */
export function CostResults({ report, stale }: { report: CostReport; stale: boolean }) {
  return (
    <div className={styles.results} data-stale={stale || undefined} data-testid="cost-results">
      <CostSummary report={report} />
      <div className={styles.resultsRow}>
        <Panel title="Cost by region and component" meta="a month · now and with all four optimisations" className={styles.chartPanel}>
          <CostChart series={createSeries(report)} label="Monthly cost by region, now and optimised" testId="cost-chart" />
        </Panel>
        <Panel title="Recommendations" meta={report.recommendations.length === 0 ? "none" : `${report.recommendations.length}`}>
          <RecommendationsList recommendations={report.recommendations} />
        </Panel>
      </div>
      <Panel title="Optimisations" meta={`each on its own · all together save ${formatRupees(report.combined.savingInr)}`}>
        <OptimisationsTable optimisations={report.optimisations} recommendations={report.recommendations} />
      </Panel>
      <Panel title="Failover what-if" meta="a month with one region down">
        <FailoverWhatIf failovers={report.failovers} latencyBoundMs={report.scenario.latencyBoundMs} />
      </Panel>
    </div>
  );
}
