import { mount } from 'svelte';
import App from './App.svelte';
import { idleTimeoutFromQuery } from './lib/settings';
import '@pulih/ui/base.css';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// `?idle=3000` shortens the idle wipe (tests); never below 2 seconds, 60 seconds without it.
export default mount(App, { target, props: { idleTimeoutMs: idleTimeoutFromQuery(window.location.search) } });
