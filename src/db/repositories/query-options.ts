import type { Transaction } from 'sequelize';

/**
 * Options every repository call takes. With `transaction` a write joins the caller's unit
 * of work (e.g. one media page and its comments committed together); without, it commits on
 * its own.
 */
export interface QueryOptions {
  transaction?: Transaction;
}
