import { z } from 'zod';

/** A whole number from `min` to `max`, from an environment variable's text. */
export const intIn = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

/** `true` or `false`, as written (the caller decides the default and the transform). */
export const trueOrFalse = () => z.enum(['true', 'false'], { error: 'must be true or false' });
