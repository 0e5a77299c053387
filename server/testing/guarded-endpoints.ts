import { randomUUID } from "node:crypto";

/**
 * Every guarded endpoint of the API with the least role that may call it, what its refusal says and
 * what it answers when allowed: the table the access tests walk.
 */
/** A rule, scenario and drill the tests create as the roles allowed to. */
export const rule = {
  name: "Auth test rule",
  metric: "error_rate_percent",
  region: "pune",
  direction: "above",
  warning: 50,
  critical: 80,
  windowSeconds: 10,
  channels: [],
  impact: "LOW",
  runbookUrl: "https://runbooks.example/auth",
};
export const scenario = {
  name: "Auth test scenario",
  regions: [{ region: "mumbai", fleet: { type: "fixed", instances: 2 }, storageGb: 10, networkGb: 10, partitions: 3 }],
};
export const fault = { component: "history", errorMessage: "drill", rate: 0.5, durationSeconds: 60 };

export interface Endpoint {
  method: string;
  path: string;
  body?: unknown;
  /** The least role that may call it. */
  role: "viewer" | "operator" | "admin";
  action: string;
  /** What the refusal says the endpoint does. */
  doing: string;
  status: number;
}

export function listGuardedEndpoints({
  ruleId,
  scenarioId,
  userId,
  alertId,
}: {
  ruleId: string;
  scenarioId: string;
  userId: string;
  alertId: string;
}): Endpoint[] {
  return [
    {
      method: "POST",
      path: "/api/regions/pune/failover",
      body: { reason: "auth test" },
      role: "operator",
      action: "region.failover",
      doing: "failing regions over",
      status: 200,
    },
    {
      method: "POST",
      path: "/api/regions/pune/failback",
      body: { reason: "auth test" },
      role: "operator",
      action: "region.failback",
      doing: "failing regions back",
      status: 200,
    },
    {
      method: "POST",
      path: "/api/regions/delhi/breaker",
      body: { action: "trip" },
      role: "operator",
      action: "region.breaker",
      doing: "tripping and resetting breakers",
      status: 200,
    },
    {
      method: "POST",
      path: "/api/chaos",
      body: fault,
      role: "operator",
      action: "chaos.start",
      doing: "starting chaos drills",
      status: 201,
    },
    { method: "DELETE", path: "/api/chaos", role: "operator", action: "chaos.end", doing: "ending chaos drills", status: 200 },
    // No drill has this id: an operator gets past the guard to the 404.
    {
      method: "DELETE",
      path: `/api/chaos/${randomUUID()}`,
      role: "operator",
      action: "chaos.stop",
      doing: "stopping chaos drills",
      status: 404,
    },
    {
      method: "POST",
      path: "/api/dlq/replay",
      body: { ids: [randomUUID()], dryRun: false },
      role: "operator",
      action: "dlq.replay",
      doing: "replaying dead letters",
      status: 200,
    },
    {
      method: "POST",
      path: "/api/dlq/replay-jobs",
      body: { ids: [randomUUID()] },
      role: "operator",
      action: "dlq.replay-job",
      doing: "replaying dead letters",
      status: 202,
    },
    // No alert has this id: an operator gets past the guard to the 404, which proves the guard let them through.
    {
      method: "POST",
      path: `/api/alerts/${alertId}/ack`,
      body: { note: "mine" },
      role: "operator",
      action: "alert.ack",
      doing: "acknowledging alerts",
      status: 404,
    },
    {
      method: "POST",
      path: "/api/silences",
      body: { region: "pune", reason: "auth test", durationMinutes: 5 },
      role: "operator",
      action: "silence.create",
      doing: "silencing alerts",
      status: 201,
    },
    {
      method: "POST",
      path: "/api/cost/scenarios",
      body: scenario,
      role: "operator",
      action: "cost-scenario.create",
      doing: "saving cost scenarios",
      status: 201,
    },
    {
      method: "PUT",
      path: `/api/cost/scenarios/${scenarioId}`,
      body: { ...scenario, name: "Renamed" },
      role: "operator",
      action: "cost-scenario.update",
      doing: "changing cost scenarios",
      status: 200,
    },
    {
      method: "DELETE",
      path: `/api/cost/scenarios/${scenarioId}`,
      role: "operator",
      action: "cost-scenario.delete",
      doing: "deleting cost scenarios",
      status: 200,
    },
    {
      method: "POST",
      path: "/api/alert-rules",
      body: rule,
      role: "admin",
      action: "alert-rule.create",
      doing: "creating alert rules",
      status: 201,
    },
    {
      method: "PUT",
      path: `/api/alert-rules/${ruleId}`,
      body: { ...rule, warning: 40 },
      role: "admin",
      action: "alert-rule.update",
      doing: "changing alert rules",
      status: 200,
    },
    {
      method: "DELETE",
      path: `/api/alert-rules/${ruleId}`,
      role: "admin",
      action: "alert-rule.delete",
      doing: "deleting alert rules",
      status: 200,
    },
    {
      method: "POST",
      path: "/api/users",
      body: { username: "new-person", password: "new-person-password", role: "viewer" },
      role: "admin",
      action: "user.create",
      doing: "creating users",
      status: 201,
    },
    {
      method: "PUT",
      path: `/api/users/${userId}`,
      body: { role: "operator" },
      role: "admin",
      action: "user.update",
      doing: "changing users",
      status: 200,
    },
    { method: "DELETE", path: `/api/users/${userId}`, role: "admin", action: "user.delete", doing: "deleting users", status: 200 },
    {
      method: "POST",
      path: "/api/cost/evaluate",
      body: scenario,
      role: "viewer",
      action: "cost.evaluate",
      doing: "evaluating cost scenarios",
      status: 200,
    },
  ];
}
