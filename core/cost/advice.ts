/**
 * SPEC section 6's advice on a month's cost: which optimisations to recommend, the budget check and
 * the growth phase the scenario is in.
 */
import { formatInr, paiseToRupees, rupeesToPaise, type Paise } from "./money";
import type { CostStrategy, StrategyOutcome } from "./optimisations";

/** SPEC section 6: a recommendation appears when a saving strictly exceeds these; the spec gives none for network. */
export const RECOMMENDATION_THRESHOLDS_INR: Readonly<Partial<Record<CostStrategy, number>>> = {
  dynamic_scaling: 5_000,
  regional_placement: 3_000,
  storage_tiering: 1_000,
};

export interface GrowthPhase {
  phase: 1 | 2 | 3 | 4;
  /** Users from (inclusive) … to (exclusive; null = no upper end). */
  minUsers: number;
  maxUsers: number | null;
  /** The phase's typical monthly cost band in rupees, from (inclusive) … to (exclusive). */
  minInr: number;
  maxInr: number | null;
  label: string;
}

/** SPEC section 6's growth phases: 0–10K users ₹50K–1L/month; 10K–100K ₹1L–5L; 100K–1M ₹5L–20L; 1M+ ₹20L+. */
export const GROWTH_PHASES: readonly GrowthPhase[] = [
  { phase: 1, minUsers: 0, maxUsers: 10_000, minInr: 50_000, maxInr: 100_000, label: "0–10K users" },
  { phase: 2, minUsers: 10_000, maxUsers: 100_000, minInr: 100_000, maxInr: 500_000, label: "10K–100K users" },
  { phase: 3, minUsers: 100_000, maxUsers: 1_000_000, minInr: 500_000, maxInr: 2_000_000, label: "100K–1M users" },
  { phase: 4, minUsers: 1_000_000, maxUsers: null, minInr: 2_000_000, maxInr: null, label: "1M+ users" },
];

export interface CostRecommendation {
  strategy: CostStrategy;
  savingInr: number;
  thresholdInr: number;
  message: string;
}

export interface BudgetCheck {
  budgetInr: number;
  totalInr: number;
  /** Total ≤ budget: exactly meeting the budget is within it. */
  withinBudget: boolean;
  /** Budget − total; negative when over. */
  headroomInr: number;
  optimisedInr: number;
  optimisedWithinBudget: boolean;
}

export interface GrowthAssessment {
  users: number | null;
  /** The phase of the scenario's users; null when users are not given. */
  phase: GrowthPhase | null;
  /** The phase whose cost band holds the current total (phase 1 below ₹50,000). */
  costPhase: GrowthPhase;
  /** Where the total sits against the users' phase band; null when users are not given. */
  costVersusPhase: "below" | "within" | "above" | null;
}

const RECOMMENDATION_MESSAGES: Readonly<Record<CostStrategy, string>> = {
  dynamic_scaling: "Autoscale with the traffic pattern",
  regional_placement: "Move workloads to cheaper regions within the latency bound",
  storage_tiering: "Tier storage into hot and cold",
  network_compression: "Compress replication and client traffic",
};

/** The strategies whose saving strictly exceeds their threshold, in the outcomes' order. */
export function recommend(outcomes: readonly StrategyOutcome[]): CostRecommendation[] {
  return outcomes.flatMap(({ optimisation, savingPaise }) => {
    const threshold = RECOMMENDATION_THRESHOLDS_INR[optimisation.strategy];
    if (threshold === undefined || savingPaise <= rupeesToPaise(threshold)) return [];
    const message = `${RECOMMENDATION_MESSAGES[optimisation.strategy]}: save ${formatInr(savingPaise)}/month`;
    return [{ strategy: optimisation.strategy, savingInr: optimisation.savingInr, thresholdInr: threshold, message }];
  });
}

/** The current and the optimised month against the budget. */
export function checkBudget(budgetInr: number, totalPaise: Paise, optimisedPaise: Paise): BudgetCheck {
  const budgetPaise = rupeesToPaise(budgetInr);
  return {
    budgetInr: paiseToRupees(budgetPaise),
    totalInr: paiseToRupees(totalPaise),
    withinBudget: totalPaise <= budgetPaise,
    headroomInr: paiseToRupees(budgetPaise - totalPaise),
    optimisedInr: paiseToRupees(optimisedPaise),
    optimisedWithinBudget: optimisedPaise <= budgetPaise,
  };
}

/** The growth phase a user count falls in (lower bound inclusive). */
function findPhaseByUsers(users: number): GrowthPhase {
  return GROWTH_PHASES.findLast((phase) => users >= phase.minUsers) ?? getFirstPhase();
}

function getFirstPhase(): GrowthPhase {
  const first = GROWTH_PHASES[0];
  if (!first) throw new Error("no growth phases configured");
  return first;
}

/** Grades the total against SPEC section 6's growth phases: by users when given, and which band the cost itself sits in. */
export function assessGrowth(users: number | undefined, totalPaise: Paise): GrowthAssessment {
  const costPhase = GROWTH_PHASES.findLast((phase) => totalPaise >= rupeesToPaise(phase.minInr)) ?? getFirstPhase();
  if (users === undefined) return { users: null, phase: null, costPhase, costVersusPhase: null };
  const phase = findPhaseByUsers(users);
  const above = phase.maxInr !== null && totalPaise >= rupeesToPaise(phase.maxInr);
  const costVersusPhase = totalPaise < rupeesToPaise(phase.minInr) ? "below" : above ? "above" : "within";
  return { users, phase, costPhase, costVersusPhase };
}
