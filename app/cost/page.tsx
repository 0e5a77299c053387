import type { Metadata } from "next";
import { CostPage } from "@/components/cost/cost-page";

export const metadata: Metadata = {
  title: "Signalbox — cost scenarios",
  description: "What the platform costs a month, what it would cost if, and what to change.",
};

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await searchParams;
  return <CostPage initialId={typeof id === "string" ? id : null} />;
}
