import { mount } from 'svelte';
import App from './app.svelte';
import './lib/styles.css';

mount(App, { target: document.getElementById('app')! });
