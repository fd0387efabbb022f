import bcrypt from 'bcrypt';

/** bcrypt cost for production; tests may inject a lower one for speed. */
export const PRODUCTION_BCRYPT_COST = 12;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Compares with `hash`, or with a dummy hash when there is none, so both paths take as long. */
  verify(password: string, hash: string | undefined): Promise<boolean>;
}

export async function createPasswordHasher(cost: number = PRODUCTION_BCRYPT_COST): Promise<PasswordHasher> {
  const dummyHash = await bcrypt.hash('yello-timing-equaliser', cost);
  return {
    hash: (password) => bcrypt.hash(password, cost),
    async verify(password, hash) {
      const matches = await bcrypt.compare(password, hash ?? dummyHash);
      return hash !== undefined && matches;
    },
  };
}
