import fs from 'node:fs';

const MB = 1024 * 1024;

function mb(bytes: number): number {
  return Math.round((bytes / MB) * 10) / 10;
}

/**
 * A field of /proc/<pid>/status in MB (VmHWM is the peak resident set the kernel saw, VmRSS the
 * current one); undefined where there is no /proc or the process is gone.
 */
export function procStatusMb(pid: number | undefined | 'self', field: 'VmHWM' | 'VmRSS'): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    return kb === undefined ? undefined : Math.round((Number(kb) / 1024) * 10) / 10;
  } catch {
    return undefined;
  }
}

export interface MemoryPeaks {
  peak_rss_mb: number;
  peak_heap_used_mb: number;
  /** The kernel's own peak (VmHWM) for this process over its whole life, when /proc has it. */
  vm_hwm_mb?: number;
  samples: number;
}

/**
 * Samples this process's memory (process.memoryUsage) every `everyMs` until stopped; the sample
 * timer does not keep the process alive. Peaks are over the sampled window only.
 */
export function sampleMemory(everyMs = 100): { stop(): MemoryPeaks } {
  let peakRss = 0;
  let peakHeap = 0;
  let samples = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    samples++;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return {
        peak_rss_mb: mb(peakRss),
        peak_heap_used_mb: mb(peakHeap),
        vm_hwm_mb: procStatusMb('self', 'VmHWM'),
        samples,
      };
    },
  };
}

/** Samples another process's VmRSS (for a window's peak, since VmHWM covers its whole life). */
export function sampleChildRss(pid: number | undefined, everyMs = 100): { stop(): number | undefined } {
  let peak: number | undefined;
  const sample = () => {
    const rss = procStatusMb(pid, 'VmRSS');
    if (rss !== undefined) peak = Math.max(peak ?? 0, rss);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
