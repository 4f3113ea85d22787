// Arrow keys in a row of tabs (WAI-ARIA tabs pattern): Left/Right move to the previous or
// next tab, wrapping, Home/End to the first or last. Returns the index moved to, or
// undefined when the key is not one of those.
export function nextTabIndex(key: string, current: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/** A keydown handler for a tab row: focuses the tab the key moves to and reports it. */
export function tabKeydown(selector: string, onMove?: (index: number) => void): (event: KeyboardEvent) => void {
  return (event) => {
    const row = event.currentTarget as HTMLElement;
    const tabs = [...row.querySelectorAll<HTMLElement>(selector)];
    const current = tabs.findIndex((tab) => tab === row.ownerDocument.activeElement);
    const next = nextTabIndex(event.key, Math.max(0, current), tabs.length);
    if (next === undefined) return;
    event.preventDefault();
    tabs[next]?.focus();
    onMove?.(next);
  };
}
