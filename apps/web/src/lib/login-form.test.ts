import { describe, expect, it } from 'vitest';
import { findLoginProblem } from './login-form';

describe('findLoginProblem', () => {
  it('asks for both fields when either is empty or only spaces', () => {
    expect(findLoginProblem({ identifier: '', password: 'rahasia' })).toBe('loginFieldsRequired');
    expect(findLoginProblem({ identifier: '   ', password: 'rahasia' })).toBe('loginFieldsRequired');
    expect(findLoginProblem({ identifier: '12345678901', password: '' })).toBe('loginFieldsRequired');
  });

  it('lets a filled email or KPJ number and password through to the API', () => {
    expect(findLoginProblem({ identifier: 'siti@example.id', password: 'rahasia' })).toBeNull();
    expect(findLoginProblem({ identifier: '12345678901', password: ' x ' })).toBeNull();
  });
});
