import { describe, it, expect } from 'vitest';
import { contract, methodNames } from './api';
import { apiMethodNames } from './methods';

describe('apiMethodNames', () => {
  it('lists exactly the methods of the contract', () => {
    const sorted = (names: readonly string[]) => [...names].sort();
    expect(sorted(apiMethodNames)).toEqual(sorted(Object.keys(contract)));
    expect(sorted(apiMethodNames)).toEqual(sorted(methodNames));
    expect(new Set(apiMethodNames).size).toBe(apiMethodNames.length);
  });
});
