import { REGIONS } from "@/core/routing/regions";

/** One <option> per configured region, in registry order, after an optional "all" choice with value "". */
export function RegionOptions({ allLabel }: { allLabel?: string }) {
  return (
    <>
      {allLabel ? <option value="">{allLabel}</option> : null}
      {REGIONS.map((region) => (
        <option key={region.id} value={region.id}>
          {region.name}
        </option>
      ))}
    </>
  );
}
