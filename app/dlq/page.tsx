import type { Metadata } from "next";
import { DlqPage } from "@/components/dlq/dlq-page";
import { readFilterQuery } from "@/components/dlq/dlq-filter-query";

export const metadata: Metadata = {
  title: "Signalbox — dead letters",
  description: "Events that failed for good: filter them, see why, and replay them with a dry run first.",
};

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const filter = readFilterQuery({ get: (name) => (typeof params[name] === "string" ? params[name] : null) });
  return <DlqPage initialFilter={filter} />;
}
