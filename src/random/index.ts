/** Seeded randomness: per-(seed, stream) generators, stateless id hashing, and samplers. */
export { Rng, createRng } from './rng.js';
export { hash32, hashUnit, hashUnitOpen } from './hash.js';
export { AliasTable } from './alias.js';
export { ZipfSampler, zipfHeadShare, zipfExponentForHeadShare } from './zipf.js';
export {
  sampleNormal,
  sampleLogNormal,
  sampleExponential,
  sampleGamma,
  sampleBeta,
  samplePoisson,
  sampleBinomial,
} from './distributions.js';
export { Permutation } from './permutation.js';
