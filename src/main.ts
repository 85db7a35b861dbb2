import { mount } from 'svelte';
import App from './app.svelte';
import { registerOffline } from './lib/offline.ts';
import './lib/styles.css';

mount(App, { target: document.getElementById('app')! });
registerOffline();
