// Renderer entry: picks the API (preload or loopback bridge), starts the state mirror and
// mounts the app. Without an API it explains how to open the page instead of failing blank.
import './zod-jitless.js';
import { mount } from 'svelte';
import App from './App.svelte';
import NoApi from './pages/NoApi.svelte';
import { selectApi } from './api/select-api.js';
import { markPerformance } from './lib/perf-marks.js';
import { AppState } from './state/app-state.svelte.js';
import { Router } from './state/router.svelte.js';
import { Theme } from './state/theme.svelte.js';
import './styles/app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// The loading line from index.html goes when the app mounts in its place.
target.replaceChildren();
const dark = window.matchMedia('(prefers-color-scheme: dark)');
const theme = new Theme(document.documentElement, localStorage, () => dark.matches);
dark.addEventListener('change', () => {
  theme.apply();
});
const api = selectApi(window);
if (api) {
  const app = new AppState(api, new Router(window));
  mount(App, { target, props: { app, theme } });
  markPerformance('slipway:mounted');
  void app.start();
} else {
  mount(NoApi, { target });
}
