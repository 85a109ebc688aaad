import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TransportProvider } from './api/context';
import { createTransport } from './api/select';
import { App } from './app/App';
import { I18nProvider } from './i18n/context';
import './styles.css';

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
