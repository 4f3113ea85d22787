// Keeps the tray in step with state: rebuilds the menu on every change, sets the icon and
// tooltip, and animates the working icon on a timer only while work runs.
import { join } from 'node:path';
import type { IntervalTimers, TrayPort } from './ports.js';
import { FRAME_INTERVAL_MS, trayAppearance, trayIconFile, type TrayIconKind } from './tray-icon.js';
import { buildTrayMenu, type TrayActions, type TrayState } from './tray-menu.js';

export interface TrayControllerOptions {
  tray: TrayPort;
  actions: TrayActions;
  iconDir: string;
  platform: NodeJS.Platform;
  timers: IntervalTimers;
}

export class TrayController {
  private animation: unknown;
  private frame = 0;
  private kind: TrayIconKind | undefined;
  private tooltip = '';

  constructor(private readonly options: TrayControllerOptions) {}

  /** Applies a new state to the tray. */
  update(state: TrayState): void {
    const { tray, actions } = this.options;
    tray.setMenu(buildTrayMenu(state, actions));
    const appearance = trayAppearance(state);
    if (appearance.tooltip !== this.tooltip) {
      this.tooltip = appearance.tooltip;
      tray.setToolTip(appearance.tooltip);
    }
    if (appearance.kind === this.kind) return;
    this.kind = appearance.kind;
    this.stopAnimation();
    this.frame = 0;
    this.showFrame();
    if (appearance.kind === 'working') {
      this.animation = this.options.timers.setInterval(() => {
        this.frame++;
        this.showFrame();
      }, FRAME_INTERVAL_MS);
    }
  }

  /** Stops the animation timer (app quit). */
  dispose(): void {
    this.stopAnimation();
  }

  private showFrame(): void {
    if (!this.kind) return;
    this.options.tray.setImage(join(this.options.iconDir, trayIconFile(this.kind, this.options.platform, this.frame)));
  }

  private stopAnimation(): void {
    if (this.animation === undefined) return;
    this.options.timers.clearInterval(this.animation);
    this.animation = undefined;
  }
}
