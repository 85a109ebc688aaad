import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TransportProvider } from './api/context';
import { createTransport } from './api/select';
import { App } from './app/App';
import { I18nProvider } from './i18n/context';
import { applyTheme, storedTheme } from './ui/theme';
// The only global styles (features use CSS Modules): tokens, base, the shared kit, the shell.
import './ui/tokens.css';
import './ui/base.css';
import './ui/controls.css';
import './ui/modal.css';
import './ui/orientation.css';
import './app/layout.css';
import './app/notices.css';
import './app/side-pane.css';

// Before the first render, so a light theme never flashes dark.
applyTheme(storedTheme());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <TransportProvider transport={createTransport()}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </TransportProvider>
  </StrictMode>,
);
