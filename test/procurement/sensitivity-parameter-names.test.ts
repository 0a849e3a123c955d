import { describe, expect, it } from 'vitest';
import { sensitivityParameterNames } from '../../src/procurement/sensitivity-parameter-names.js';
import { sensitivityParameters } from '../../src/procurement/sensitivity-parameters.js';

describe('the names capsim sensitivity offers', () => {
  it('are the sensitivity parameters, each once and in their order', () => {
    expect([...sensitivityParameterNames]).toEqual(sensitivityParameters.map((p) => p.name));
  });
});
