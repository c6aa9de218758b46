// Monaco's editor, JSON and GraphQL workers, bundled by Vite as files of their own.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './ide.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

createRoot(document.getElementById('ide')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
