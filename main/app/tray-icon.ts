// Which tray icon and tooltip a state gets: error when the engine is unreachable or a task
// just failed, working (animated) while tasks run, idle otherwise. macOS uses template
// images (black with alpha, tinted by the system); other platforms use coloured ones.
import type { TrayState } from './tray-menu.js';

export type TrayIconKind = 'idle' | 'working' | 'error';

export const WORKING_FRAMES = 4;
export const FRAME_INTERVAL_MS = 250;

export interface TrayAppearance {
  kind: TrayIconKind;
  tooltip: string;
}

/** The icon kind and tooltip for a state. */
export function trayAppearance(state: TrayState): TrayAppearance {
  const running = state.tasks.filter((task) => task.state === 'running');
  if (state.engine.state === 'unavailable') {
    return {
      kind: 'error',
      tooltip: `Slipway — container engine unavailable${state.engine.error?.hint ? `: ${state.engine.error.hint}` : ''}`,
    };
  }
  if (running.length > 0) {
    const first = running[0];
    const step = first?.steps.at(-1)?.title;
    const more = running.length > 1 ? ` (+${String(running.length - 1)} more)` : '';
    return { kind: 'working', tooltip: `Slipway — ${first?.title ?? 'working'}${step ? `: ${step}` : ''}${more}` };
  }
  const failed = state.tasks.filter((task) => task.state === 'failed').at(-1);
  if (failed)
    return { kind: 'error', tooltip: `Slipway — ${failed.title} failed: ${failed.error?.message ?? 'see the window'}` };
  const up = state.clusters.filter((cluster) => cluster.state === 'running').length;
  const total = state.clusters.length;
  return {
    kind: 'idle',
    tooltip: total === 0 ? 'Slipway — no clusters' : `Slipway — ${String(up)} of ${String(total)} clusters running`,
  };
}

/** File name of an icon (1x; Electron loads NAME@2x.png beside it on HiDPI screens). */
export function trayIconFile(kind: TrayIconKind, platform: NodeJS.Platform, frame = 0): string {
  const base = kind === 'working' ? `tray-working-${String(frame % WORKING_FRAMES)}` : `tray-${kind}`;
  return platform === 'darwin' ? `${base}Template.png` : `${base}.png`;
}

/** Every icon file the app ships, for packaging checks. */
export function allTrayIconFiles(platform: NodeJS.Platform): string[] {
  const frames = Array.from({ length: WORKING_FRAMES }, (_, frame) => trayIconFile('working', platform, frame));
  return [trayIconFile('idle', platform), ...frames, trayIconFile('error', platform)];
}
