import type { z } from 'zod';
import { settings } from './config.schema.js';

interface Setting {
  doc: string;
  schema: z.ZodType;
  /** Shown instead of the schema's default when the default is computed at start-up. */
  shownDefault?: string;
}

/** The default a schema declares: the value of its `.default()`, wherever it sits. */
function defaultOf(schema: z.ZodType): string {
  const def = schema.def as { type: string; defaultValue?: unknown; in?: z.ZodType };
  if (def.type === 'default') {
    const value = String(def.defaultValue);
    return value === '' ? 'empty' : `\`${value}\``;
  }
  if (def.type === 'pipe' && def.in) return defaultOf(def.in);
  return 'unset';
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The README's settings table, made from the config schema itself (a test keeps the README
 * equal to it, so a setting cannot be added without its documentation).
 */
export function settingsTable(): string {
  const rows = Object.entries(settings).map(([name, raw]) => {
    const setting = raw as Setting;
    const shown = setting.shownDefault ?? defaultOf(setting.schema);
    return `| \`${name}\` | ${cell(shown)} | ${cell(setting.doc)} |`;
  });
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
