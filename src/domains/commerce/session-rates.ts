import { TYPE_ACTIVITY, TYPE_CART, TYPE_VIEWS } from './catalog.js';
import type { CommerceKnobs } from './knobs.js';
import { FRAUD_TYPES, USER_TYPE_WEIGHTS } from './vocabulary.js';

/** Velocity attacks: 5–15 transactions within 5 minutes (spec 002 "Fraud Realism"). */
export const VELOCITY_MIN = 5;
export const VELOCITY_MAX = 15;
export const VELOCITY_WINDOW_MS = 300_000;

/** Expected product views of a session of a user type: 1 + geometric. */
export function viewsMean(k: CommerceKnobs, type: number): number {
  return Math.max(1, k.viewsMean * TYPE_VIEWS[type]);
}

/** Add-to-cart probability per view for a user type. */
export function cartRate(k: CommerceKnobs, type: number): number {
  return Math.min(1, k.cartRate * TYPE_CART[type]);
}

/** P(a legitimate session of a user type ends browsing with a non-empty cart). */
export function cartProbability(k: CommerceKnobs, type: number): number {
  const m = viewsMean(k, type);
  const g = (m - 1) / m;
  const c = cartRate(k, type);
  // Views V = 1 + G, G geometric with P(G = j) = (1 − g)·g^j: E[(1 − c)^V] = (1 − c)(1 − g) / (1 − g(1 − c)).
  const noCart = ((1 - c) * (1 - g)) / (1 - g * (1 - c));
  return 1 - noCart;
}

/** P(a legitimate session of a user type ends in a purchase): P(cart not empty) · checkout · purchase. */
export function purchaseProbability(k: CommerceKnobs, type: number): number {
  return cartProbability(k, type) * k.checkoutRate * k.purchaseRate;
}

/** Share of sessions by user type: population share × activity. */
function sessionShares(): number[] {
  const raw = USER_TYPE_WEIGHTS.map((w, t) => w * TYPE_ACTIVITY[t]);
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => r / total);
}

/** Expected user-events records per legitimate session (page_view, search, views, carts, checkout, purchase). */
export function eventsPerSession(k: CommerceKnobs): number {
  const shares = sessionShares();
  let e = 0;
  for (let t = 0; t < shares.length; t++) {
    const views = viewsMean(k, t);
    const checkout = cartProbability(k, t) * k.checkoutRate;
    e += shares[t] * (1 + k.searchRate + views * (1 + cartRate(k, t)) + checkout + checkout * k.purchaseRate);
  }
  return e;
}

/** Expected purchases per legitimate session, over the session mix of user types. */
export function purchasesPerSession(k: CommerceKnobs): number {
  const shares = sessionShares();
  let q = 0;
  for (let t = 0; t < shares.length; t++) q += shares[t] * purchaseProbability(k, t);
  return q;
}

/** Expected transactions of one fraud incident: a velocity attack writes 5–15, every other type one. */
export function transactionsPerIncident(): number {
  const velocityMean = (VELOCITY_MIN + VELOCITY_MAX) / 2;
  return (velocityMean + (FRAUD_TYPES.length - 1)) / FRAUD_TYPES.length;
}

/**
 * P(a session is a fraud incident) such that the share of transactions labelled is_fraud is fraudRate r:
 * with q purchases per legitimate session and m transactions per incident, p·m / ((1 − p)·q + p·m) = r.
 */
export function fraudSessionProbability(k: CommerceKnobs): number {
  const r = k.fraudRate;
  const q = purchasesPerSession(k);
  const m = transactionsPerIncident();
  return (r * q) / (m * (1 - r) + r * q);
}
