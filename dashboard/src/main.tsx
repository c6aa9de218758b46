import '@picocss/pico/css/pico.min.css';
import './styles.css';
import { render } from 'preact';
import { takeTokenFromFragment } from './api/token';
import { App } from './app';

takeTokenFromFragment();
render(<App />, document.getElementById('app')!);
