/**
 * @module
 * The console's entry: renders the app into `#app`.
 */
import { render } from 'preact';
import { App } from './app';

render(<App />, document.getElementById('app') as HTMLElement);
