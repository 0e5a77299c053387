import type { Metadata } from "next";
import { DrillsPage } from "@/components/drills/drills-page";

export const metadata: Metadata = {
  title: "Signalbox — drills",
  description: "Make a component really fail on purpose, watch what it does, and stop it.",
};

export default function Page() {
  return <DrillsPage />;
}
