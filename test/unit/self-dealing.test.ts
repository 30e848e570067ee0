import { DomainError } from '../../src/shared/domain/errors';
import { assertNotOwnPosting, assertNotSelf, ownAccounts } from '../../src/shared/domain/self-dealing';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
  return null;
};

describe('回避: nobody acts on their own matter in a staff action', () => {
  it('refuses the actor as any of the subjects, and lets anyone else through', () => {
    expect(code(() => assertNotSelf('o-sun', 'o-sun'))).toBe('FORBIDDEN_SELF');
    expect(code(() => assertNotSelf('o-sun', 'o-wang', 'o-sun'))).toBe('FORBIDDEN_SELF');
    expect(code(() => assertNotSelf('o-sun', 'o-wang', null, undefined))).toBeNull();
    expect(code(() => assertNotSelf('o-sun'))).toBeNull();
  });

  it("counts a person's own account and their shop's as theirs", () => {
    expect(ownAccounts({ _id: 'o-gao' })).toEqual(['user:o-gao']);
    expect(ownAccounts({ _id: 'o-gao', shopId: 'shop-gao' })).toEqual(['user:o-gao', 'shop:shop-gao']);
    const gao = { _id: 'o-gao', shopId: 'shop-gao' };
    expect(code(() => assertNotOwnPosting(gao, { from: 'issuer:c1', to: 'user:o-gao' }))).toBe('FORBIDDEN_SELF');
    expect(code(() => assertNotOwnPosting(gao, { from: 'user:o-gao', to: 'fee:c1' }))).toBe('FORBIDDEN_SELF');
    expect(code(() => assertNotOwnPosting(gao, { from: 'issuer:c1', to: 'shop:shop-gao' }))).toBe('FORBIDDEN_SELF');
    expect(code(() => assertNotOwnPosting(gao, { from: 'issuer:c1', to: 'user:o-wang' }))).toBeNull();
    expect(code(() => assertNotOwnPosting({ _id: 'o-sun' }, { from: 'issuer:c1', to: 'shop:shop-gao' }))).toBeNull();
  });
});
