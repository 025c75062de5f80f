import { mount } from 'svelte';
import App from './App.svelte';
import { idleTimeoutFromQuery, portalUrlFrom } from './lib/settings';
import '@pulih/ui/base.css';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// `?idle=3000` shortens the idle wipe (tests); never below 2 seconds, 60 seconds without it.
// `?portal=https://…` is the members' address of the portal when it is not the kiosk's own origin.
const { search, origin } = window.location;
export default mount(App, {
  target,
  props: { idleTimeoutMs: idleTimeoutFromQuery(search), portalUrl: portalUrlFrom(search, origin) },
});
