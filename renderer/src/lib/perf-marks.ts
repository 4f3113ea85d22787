// Performance marks the UI benchmark reads (bench/ui.ts). Harmless where marks are missing.
export function markPerformance(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // Some test DOMs have no User Timing; the app works the same without marks.
  }
}
