import type { ReplayJobDetail, ReplayJobProgress } from "@/core/dlq/dlq-api";

/**
 * A job's progress arrives from the POST that started it, from socket pushes and from polls, in
 * any order: the furthest along wins, so a late "running" answer never hides a finished job.
 */
export function mergeReplayJob(current: ReplayJobDetail | undefined, job: ReplayJobProgress): ReplayJobDetail {
  if (!current) return { job, outcomes: [], truncated: false };
  const finished = (j: ReplayJobProgress) => j.state !== "running";
  const newer = finished(job)
    ? !finished(current.job) || job.processed >= current.job.processed
    : !finished(current.job) && job.processed >= current.job.processed;
  return newer ? { ...current, job } : current;
}

/**
 * A fetched job detail against what pushes already brought: its outcomes are taken, its progress only
 * if it is not behind (a poll can answer an older step than the last push), so the bar never moves back.
 */
export function mergeFetchedReplayJob(current: ReplayJobDetail | undefined, fetched: ReplayJobDetail): ReplayJobDetail {
  return { ...fetched, job: mergeReplayJob(current, fetched.job).job };
}
