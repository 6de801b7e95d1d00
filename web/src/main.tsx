import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.ts';
import './app.css';
import { App } from './App.tsx';
import { keepEnterInDateFields } from './keyboard.ts';

keepEnterInDateFields();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
