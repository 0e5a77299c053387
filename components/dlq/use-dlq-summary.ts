"use client";

import { useQuery } from "@tanstack/react-query";
import { DLQ_SUMMARY_QUERY_KEY, fetchDlqSummary } from "./api";

/** Pushes (`dlq_summary`) keep the counters current; this slow poll only covers a push missed while the socket was down. */
const SUMMARY_POLL_MS = 15_000;

/**
 * The open dead letters as GET /api/dlq/summary counts them: the one source of every DLQ count on the
 * pages (the board's header and tile, /dlq), so they always show the same number.
 */
export function useDlqSummary() {
  return useQuery({
    queryKey: DLQ_SUMMARY_QUERY_KEY,
    queryFn: ({ signal }) => fetchDlqSummary(signal),
    retry: 1,
    refetchInterval: SUMMARY_POLL_MS,
    refetchIntervalInBackground: true,
  });
}
