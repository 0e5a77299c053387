import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRegionConfig, isRegionId } from "@/core/routing/regions";
import { readRangeParams, type SearchParams } from "@/components/board/time-range";
import { RegionPage } from "@/components/region/region-page";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: isRegionId(id) ? `Signalbox — ${getRegionConfig(id).name}` : "Signalbox — no such region" };
}

/** A region's drill-down on the board's range (?range=, or ?from=&to=); an unknown region is a 404. */
export default async function Page({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  if (!isRegionId(id)) notFound();
  return <RegionPage regionId={id} initialRange={await readRangeParams(searchParams)} />;
}
