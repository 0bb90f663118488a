import { hasSqlState, SqlState } from './sql-state';

describe('hasSqlState', () => {
  it('matches the SQLSTATE pg puts on an error’s code', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    expect(hasSqlState(error, SqlState.uniqueViolation)).toBe(true);
    expect(hasSqlState(error, SqlState.deadlockDetected, SqlState.uniqueViolation)).toBe(true);
    expect(hasSqlState(error, SqlState.deadlockDetected)).toBe(false);
  });

  it('does not match what is not a PostgreSQL error', () => {
    expect(hasSqlState(undefined, SqlState.uniqueViolation)).toBe(false);
    expect(hasSqlState('23505', SqlState.uniqueViolation)).toBe(false);
    expect(hasSqlState(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), SqlState.uniqueViolation)).toBe(
      false,
    );
  });
});
