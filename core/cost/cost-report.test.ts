import { describe, expect, it } from "vitest";
import { evaluateCostScenario } from "./evaluate-cost-scenario";
import { evaluateFailoverCost } from "./failover-what-if";
import { buildCostReport, formatCostReportCsv } from "./cost-report";
import { REFERENCE_COST_SCENARIO, costScenarioSchema } from "./cost-scenario";

describe("buildCostReport", () => {
  it("is the scenario, its evaluation and each region's failover, in the scenario's order", () => {
    const report = buildCostReport(REFERENCE_COST_SCENARIO);
    expect(report).toEqual({
      scenario: REFERENCE_COST_SCENARIO,
      ...evaluateCostScenario(REFERENCE_COST_SCENARIO),
      failovers: [evaluateFailoverCost(REFERENCE_COST_SCENARIO, "mumbai"), evaluateFailoverCost(REFERENCE_COST_SCENARIO, "bangalore")],
    });
    expect(report.failovers.map((f) => [f.failedRegion, f.takerRegion, f.deltaInr])).toEqual([
      ["mumbai", "bangalore", -4_000],
      ["bangalore", "mumbai", 2_400],
    ]);
  });
});

describe("formatCostReportCsv", () => {
  it("writes the reference scenario: cost by region and component now and optimised, strategies, budget, failovers", () => {
    const lines = formatCostReportCsv(buildCostReport(REFERENCE_COST_SCENARIO)).split("\r\n");
    expect(lines.slice(0, 14)).toEqual([
      "section,region,item,current_inr,optimised_inr,saving_inr,detail",
      "scenario,,name,,,,Startup on two regions",
      // mumbai's workload optimised: 2,430 h in bangalore at ₹7 = 17,010; 500 GB × 1.3 × 0.6 = 390; 1,000 GB × 0.7 × 0.7 = 490; 20 × 40 = 800
      "cost,mumbai,compute,28800.00,17010.00,11790.00,3600 → 2430 instance-hours",
      "cost,mumbai,storage,750.00,390.00,360.00,",
      "cost,mumbai,network,800.00,490.00,310.00,",
      "cost,mumbai,kafka,1000.00,800.00,200.00,",
      "cost,mumbai,total,31350.00,18690.00,12660.00,optimised runs in bangalore",
      "cost,bangalore,compute,15120.00,11832.00,3288.00,2160 → 1740 instance-hours",
      "cost,bangalore,storage,390.00,225.00,165.00,",
      "cost,bangalore,network,420.00,294.00,126.00,",
      "cost,bangalore,kafka,480.00,480.00,0.00,",
      "cost,bangalore,total,16410.00,12831.00,3579.00,optimised runs in hyderabad",
      "cost,,total,47760.00,31521.00,16239.00,all four strategies together",
      "optimisation,,dynamic_scaling,47760.00,35460.00,12300.00,",
    ]);
    expect(lines.slice(-6)).toEqual([
      'recommendation,,dynamic_scaling,,,12300.00,"Autoscale with the traffic pattern: save ₹12,300/month"',
      'recommendation,,regional_placement,,,4447.00,"Move workloads to cheaper regions within the latency bound: save ₹4,447/month"',
      "budget,,monthly_total,47760.00,31521.00,,budget 200000.00; headroom 152240.00; within budget; optimised within budget",
      'failover,mumbai,bangalore,47760.00,43760.00,4000.00,"+45 ms (within the bound); bangalore at 266.7% at the peak hour, 3 → 8 instances"',
      'failover,bangalore,mumbai,47760.00,50160.00,-2400.00,"+45 ms (within the bound); mumbai at 160% at the peak hour, 5 → 8 instances"',
      "",
    ]);
    // one optimisation line per strategy, each followed by its actions
    expect(lines.filter((line) => line.startsWith("optimisation,")).map((line) => line.split(",")[2])).toEqual([
      "dynamic_scaling",
      "regional_placement",
      "storage_tiering",
      "network_compression",
    ]);
    expect(lines.filter((line) => line.startsWith("action,"))).toHaveLength(8);
  });

  it("quotes a name with commas and quotes, and shows paise and an over-budget total", () => {
    const scenario = costScenarioSchema.parse({
      name: 'Delhi, "lean"',
      budgetInr: 100,
      regions: [{ region: "delhi", fleet: { type: "fixed", instances: 1 }, storageGb: 0.5, networkGb: 0, partitions: 0 }],
    });
    // 720 h × ₹7.5 = 5,400; 0.5 GB × 1.4 = 0.70 → 5,400.70, ₹5,300.70 over a ₹100 budget
    const lines = formatCostReportCsv(buildCostReport(scenario)).split("\r\n");
    expect(lines[1]).toBe('scenario,,name,,,,"Delhi, ""lean"""');
    expect(lines).toContain("cost,delhi,storage,0.70,0.42,0.28,");
    expect(lines).toContain(
      "budget,,monthly_total,5400.70,5400.42,,budget 100.00; headroom -5300.70; over budget; optimised still over budget",
    );
    expect(lines).toContain(
      "failover,delhi,none,5400.70,0.00,5400.70,No other region in the scenario can take delhi's load: its users would go unserved",
    );
  });

  it("keeps a typed name that starts like a formula from running in a spreadsheet", () => {
    const named = (name: string) => buildCostReport({ ...REFERENCE_COST_SCENARIO, name });
    expect(formatCostReportCsv(named('=HYPERLINK("http://x","go")')).split("\r\n")[1]).toBe(
      `scenario,,name,,,,"'=HYPERLINK(""http://x"",""go"")"`,
    );
    expect(formatCostReportCsv(named("@SUM(A1)")).split("\r\n")[1]).toBe("scenario,,name,,,,'@SUM(A1)");
    expect(formatCostReportCsv(named("-1")).split("\r\n")[1]).toBe("scenario,,name,,,,'-1");
  });
});
