import { InvalidArgumentError } from 'commander';

/**
 * A commander parser for a whole number of at least `min`: "10x" or "-1" is wrong use (exit 2),
 * told before anything is sent, rather than a service's 400 (exit 1) or a NaN sent as null.
 */
export const integerAtLeast =
  (min: number) =>
  (value: string): number => {
    if (!/^-?\d+$/.test(value) || Number(value) < min) {
      throw new InvalidArgumentError(`a whole number of at least ${min}`);
    }
    return Number(value);
  };
