"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReplayJobDetail } from "@/core/dlq/dlq-api";
import { createReplayJobQueryKey, fetchReplayJob } from "./api";
import { mergeFetchedReplayJob } from "./replay-job-cache";

/** How often a running job is asked for while the socket that pushes its progress is down. */
const POLL_MS = 500;

/** A replay job's progress: `replay_job` pushes fill its cache entry; a read merges in, so the bar never moves back. */
export function useReplayJob(jobId: string | null, socketConnected: boolean) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: createReplayJobQueryKey(jobId ?? ""),
    queryFn: async ({ signal }) => {
      const fetched = await fetchReplayJob(jobId ?? "", signal);
      return mergeFetchedReplayJob(queryClient.getQueryData<ReplayJobDetail>(createReplayJobQueryKey(jobId ?? "")), fetched);
    },
    enabled: jobId !== null,
    retry: 1,
    refetchInterval: (query) => (query.state.data?.job.state === "running" && !socketConnected ? POLL_MS : false),
  });
}
