// Light, dark or the system's choice, remembered per browser profile.
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'slipway.theme';

export class Theme {
  choice = $state<ThemeChoice>('system');

  constructor(
    private readonly root: HTMLElement,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'>,
    private readonly prefersDark: () => boolean,
  ) {
    const saved = storage.getItem(KEY);
    this.choice = saved === 'light' || saved === 'dark' ? saved : 'system';
    this.apply();
  }

  /** system → light → dark → system. */
  cycle(): void {
    this.choice = this.choice === 'system' ? 'light' : this.choice === 'light' ? 'dark' : 'system';
    this.storage.setItem(KEY, this.choice);
    this.apply();
  }

  /** Re-applies after the system preference changed. */
  apply(): void {
    const dark = this.choice === 'dark' || (this.choice === 'system' && this.prefersDark());
    this.root.dataset.theme = dark ? 'dark' : 'light';
  }
}
