/** up: working; down: failing (detail says why); off: disabled by configuration. */
export type ComponentStatus = "up" | "down" | "off";

export interface ComponentHealth {
  status: ComponentStatus;
  detail: string;
}
