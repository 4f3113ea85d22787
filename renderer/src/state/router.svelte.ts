// Hash routing: #/clusters/demo/addons → a route the App switches on. Hash routes need no
// server support, work from slipway://app/ and from the bridge, and survive reloads.
export type Route =
  | { page: 'overview' }
  | { page: 'create' }
  | { page: 'task'; taskId: string }
  | { page: 'tasks' }
  | { page: 'doc'; doc: 'export' }
  | { page: 'cluster'; name: string; tab: ClusterTab }
  | { page: 'export' }
  | { page: 'diagnostics' }
  | { page: 'not-found'; path: string };

const tabs = ['overview', 'workloads', 'addons', 'export', 'logs'] as const;
export type ClusterTab = (typeof tabs)[number];

/** Parses a path such as /clusters/demo/logs. */
export function parseRoute(path: string): Route {
  const parts = path
    .split('/')
    .filter((part) => part !== '')
    .map(decodeURIComponent);
  const [first, second, third] = parts;
  if (parts.length === 0) return { page: 'overview' };
  if (first === 'create' && parts.length === 1) return { page: 'create' };
  if (first === 'export' && parts.length === 1) return { page: 'export' };
  if (first === 'diagnostics' && parts.length === 1) return { page: 'diagnostics' };
  if (first === 'tasks' && parts.length === 1) return { page: 'tasks' };
  if (first === 'docs' && second === 'export' && parts.length === 2) return { page: 'doc', doc: 'export' };
  if (first === 'tasks' && second && parts.length === 2) return { page: 'task', taskId: second };
  if (first === 'clusters' && second && parts.length <= 3) {
    const tab = third ?? 'overview';
    if ((tabs as readonly string[]).includes(tab))
      return { page: 'cluster', name: second, tab: tab as (typeof tabs)[number] };
  }
  return { page: 'not-found', path };
}

export class Router {
  path = $state('/');
  route = $derived(parseRoute(this.path));

  constructor(
    private readonly host: {
      location: { hash: string };
      addEventListener(type: 'hashchange', listener: () => void): void;
    },
  ) {
    this.path = this.readHash();
    host.addEventListener('hashchange', () => {
      this.path = this.readHash();
    });
  }

  /** Shows a path (updates the hash, so back and forward work). */
  navigate(path: string): void {
    this.host.location.hash = `#${path}`;
    this.path = path;
  }

  private readHash(): string {
    const hash = this.host.location.hash.replace(/^#/, '');
    return hash.startsWith('/') ? hash : '/';
  }
}
