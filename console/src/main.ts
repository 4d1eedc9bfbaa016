/** The console's entry: defines `<console-app>`, which index.html holds. */
import { ConsoleApp } from './app.js';

if (!customElements.get('console-app')) customElements.define('console-app', ConsoleApp);

declare global {
  interface HTMLElementTagNameMap {
    'console-app': ConsoleApp;
  }
}
