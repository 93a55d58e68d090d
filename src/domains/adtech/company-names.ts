import { Faker, en } from '@faker-js/faker';
import { quoteJsonString } from '../../encoding/json-string.js';

/** How many distinct names the table holds; publishers pick from it by a hash of their id. */
export const COMPANY_NAME_COUNT = 1024;

/**
 * Realistic company names for publishers, as JSON string literals, generated once per world by a faker
 * instance seeded from the world seed: deterministic for a given lockfile, and kept off the per-event path
 * (a request only copies a precomputed text).
 */
export function companyNameLiterals(seed: number): readonly string[] {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  return Array.from({ length: COMPANY_NAME_COUNT }, () => quoteJsonString(faker.company.name()));
}
