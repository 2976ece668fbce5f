import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@digital-go-jp/design-tokens/dist/tokens.css';
import './styles.css';
import { App } from './app';
import { LangProvider } from './i18n';
import { Router } from './router';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <Router>
        <App />
      </Router>
    </LangProvider>
  </StrictMode>,
);
