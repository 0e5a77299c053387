import type { Metadata } from "next";
import { TimelinePage } from "@/components/timeline/timeline-page";

export const metadata: Metadata = {
  title: "Signalbox — incident timeline",
  description: "Alerts, acknowledgements, escalations, silences, failovers, breaker changes, replays and drills, newest first.",
};

const HOURS = [1, 6, 12, 24, 48];

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { region, hours, alert } = await searchParams;
  const asked = Number(hours);
  return (
    <TimelinePage
      initial={{
        region: typeof region === "string" ? region : "",
        hours: HOURS.includes(asked) ? asked : 12,
        alert: typeof alert === "string" ? alert : null,
      }}
    />
  );
}
