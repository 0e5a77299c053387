import { totalmem } from "node:os";

/** The process's own memory and CPU since the previous sample: the workers run in it. */
export interface ProcessSample {
  rssMb: number;
  heapUsedMb: number;
  /** CPU time used over wall time since the previous sample, in percent of one core. */
  cpuPercent: number;
  /** Resident memory as a share of the machine's memory (SPEC section 5's memory_utilization_percent). */
  memoryPercent: number;
}

/** Samples memory and CPU of this process; each call measures CPU since the previous one. */
export function createProcessSampler(): () => ProcessSample {
  let lastCpu = process.cpuUsage();
  let lastAt = performance.now();
  return () => {
    const cpu = process.cpuUsage(lastCpu);
    const now = performance.now();
    const elapsedMs = now - lastAt;
    lastCpu = process.cpuUsage();
    lastAt = now;
    const memory = process.memoryUsage();
    return {
      rssMb: Math.round(memory.rss / 1048576),
      heapUsedMb: Math.round(memory.heapUsed / 1048576),
      cpuPercent: elapsedMs > 0 ? Math.round(((cpu.user + cpu.system) / 1000 / elapsedMs) * 1000) / 10 : 0,
      memoryPercent: Math.round((memory.rss / totalmem()) * 1000) / 10,
    };
  };
}
