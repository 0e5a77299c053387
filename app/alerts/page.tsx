import type { Metadata } from "next";
import { AlertHistoryPage } from "@/components/alerts/alert-history-page";

export const metadata: Metadata = {
  title: "Signalbox — alerts",
  description: "Every alert that fired, who owned it and how it ended.",
};

type SearchParams = Record<string, string | string[] | undefined>;

function readParam(params: SearchParams, key: string): string {
  const value = params[key];
  return typeof value === "string" ? value : "";
}

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  return (
    <AlertHistoryPage
      initial={{
        state: readParam(params, "state"),
        region: readParam(params, "region"),
        severity: readParam(params, "severity"),
        ruleId: readParam(params, "ruleId"),
        // Twelve hours by default: one evening.
        hours: params.hours === undefined ? "12" : readParam(params, "hours") === "all" ? "" : readParam(params, "hours"),
        id: readParam(params, "id") || null,
      }}
    />
  );
}
