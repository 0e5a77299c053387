import { QUALITIES, type Quality } from "../events/events";

export interface Rung {
  quality: Quality;
  minBitrateKbps: number;
  minBufferSeconds: number;
}

/** SPEC section 3's ladder, lowest rung first, so "up" is index + 1. */
export const QUALITY_LADDER: readonly Rung[] = [
  { quality: "360p", minBitrateKbps: 800, minBufferSeconds: 1 },
  { quality: "480p", minBitrateKbps: 1500, minBufferSeconds: 2 },
  { quality: "720p", minBitrateKbps: 3000, minBufferSeconds: 3 },
  { quality: "1080p", minBitrateKbps: 8000, minBufferSeconds: 5 },
  { quality: "4K", minBitrateKbps: 25000, minBufferSeconds: 10 },
];

export const DOWNGRADE_BUFFER_SECONDS = 2.0;
export const UPGRADE_BUFFER_SECONDS = 8.0;
export const UPGRADE_HEADROOM = 1.5;

export const QUALITY_CHANGE_REASONS = ["buffer_health", "bandwidth_insufficient", "bandwidth_headroom"] as const;
export type QualityChangeReason = (typeof QUALITY_CHANGE_REASONS)[number];

export interface QualityDecision {
  from: Quality;
  to: Quality;
  reason: QualityChangeReason;
}

/**
 * Decides one rung of change: down when buffer < 2.0 s (buffer_health) or bitrate < the rung's
 * minimum (bandwidth_insufficient); up when buffer > 8.0 s, bitrate > 1.5 × the rung's minimum and
 * the next rung's minimums are met (bandwidth_headroom); null to stay.
 */
export function decideQualityChange(quality: Quality, bitrateKbps: number, bufferSeconds: number): QualityDecision | null {
  const index = QUALITIES.indexOf(quality);
  const rung = QUALITY_LADDER[index];
  if (!rung) return null;
  const lower = QUALITY_LADDER[index - 1];
  if (bufferSeconds < DOWNGRADE_BUFFER_SECONDS) {
    return lower ? { from: quality, to: lower.quality, reason: "buffer_health" } : null;
  }
  if (bitrateKbps < rung.minBitrateKbps) {
    return lower ? { from: quality, to: lower.quality, reason: "bandwidth_insufficient" } : null;
  }
  const upper = QUALITY_LADDER[index + 1];
  if (
    upper &&
    bufferSeconds > UPGRADE_BUFFER_SECONDS &&
    bitrateKbps > UPGRADE_HEADROOM * rung.minBitrateKbps &&
    bitrateKbps >= upper.minBitrateKbps &&
    bufferSeconds >= upper.minBufferSeconds
  ) {
    return { from: quality, to: upper.quality, reason: "bandwidth_headroom" };
  }
  return null;
}

export const BUFFER_ACTIONS = ["emergency_buffer", "preventive_buffer", "maintain_current", "optimize_bandwidth"] as const;
export type BufferAction = (typeof BUFFER_ACTIONS)[number];
export type BufferActionPriority = "high" | "medium" | "normal" | "low";

const BUFFER_ACTION_PRIORITY: Record<BufferAction, BufferActionPriority> = {
  emergency_buffer: "high",
  preventive_buffer: "medium",
  maintain_current: "normal",
  optimize_bandwidth: "low",
};

/** Buffer bands of SPEC section 3: < 1.0 s emergency, < 3.0 s preventive, > 10.0 s optimise, else maintain. */
export function decideBufferAction(bufferSeconds: number): BufferAction {
  if (bufferSeconds < 1.0) return "emergency_buffer";
  if (bufferSeconds < 3.0) return "preventive_buffer";
  if (bufferSeconds > 10.0) return "optimize_bandwidth";
  return "maintain_current";
}

/** The urgency SPEC section 3 gives each buffer action. */
export function priorityOfBufferAction(action: BufferAction): BufferActionPriority {
  return BUFFER_ACTION_PRIORITY[action];
}
