// Entry point of the agent console (built with `vite build --mode console`, served at /console/).
import { render } from 'preact';
import { App } from './ui/app.js';
import './styles.css';
import './workspace.css';
import './rating.css';
import './admin.css';

render(<App />, document.getElementById('app')!);
