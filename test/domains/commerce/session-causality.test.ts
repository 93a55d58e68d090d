import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commerceDomain } from '../../../src/domains/commerce/index.js';
import { runInline } from '../../support/inline-engine.js';

interface Ev { event_id: string; event_type: string; session_id: string; user_id: string; product_id: string | null; transaction_id: string | null; timestamp: string; duration_seconds: number }
interface Txn { transaction_id: string; user_id: string; session_id: string; timestamp: string; products: Array<{ product_id: string; name: string; category: string; price: number; quantity: number }>; total_amount: number; fraud_type: string | null }
interface Upd { product_id: string; name: string; category: string; timestamp: string; price: number }

// 300,000 user events at 200/s (25 minutes of timeline, 15 of them in ordinary steps before the 10-minute drain
// reserve), seed 13, with a product change every 3.6 s (fast repricing) to test prices.
const events: Array<Ev & { key: string; slice: number; ts: number }> = [];
const txns: Array<Txn & { key: string }> = [];
const updates: Upd[] = [];
runInline({ domain: commerceDomain, seed: 13, events: 300_000, ratePerSec: 200, knobs: { productUpdatesPerHour: 1_000_000, fraudRate: 0.02 } }, (r) => {
  const v = JSON.parse(r.value);
  if (r.topic === 'user-events') events.push({ ...v, key: r.key, slice: Number(v.user_id.slice(5)) % 64, ts: r.timestampMs });
  else if (r.topic === 'transactions') txns.push({ ...v, key: r.key });
  else if (r.topic === 'product-updates') updates.push(v);
});
const sessions = new Map<string, Ev[]>();
for (const e of events) sessions.set(e.session_id, [...(sessions.get(e.session_id) ?? []), e]);

test('records are keyed as spec 002 says: user-events by session_id, transactions by user_id', () => {
  assert.ok(events.every((e) => e.key === e.session_id));
  assert.ok(txns.every((t) => t.key === t.user_id));
});

test('user events of each slice leave in time order, and the record timestamp is the JSON timestamp', () => {
  const last = new Float64Array(64).fill(-Infinity);
  for (const e of events) {
    assert.ok(e.ts >= last[e.slice], `slice ${e.slice} went back in time`);
    last[e.slice] = e.ts;
    assert.equal(Date.parse(e.timestamp), e.ts);
  }
});

test('a session is one user walking page_view → search? → (product_view → add_to_cart?)+ → checkout? → purchase?', () => {
  let complete = 0;
  for (const [id, list] of sessions) {
    const types = list.map((e) => e.event_type);
    // A bounded run ends with complete sessions (drain in the final step), so every session is whole.
    assert.match(types.join(' '), /^page_view( search)?( product_view( add_to_cart)?)*( checkout( purchase)?)?$/, id);
    assert.equal(new Set(list.map((e) => e.user_id)).size, 1);
    for (let i = 1; i < list.length; i++) {
      const gap = Date.parse(list[i].timestamp) - Date.parse(list[i - 1].timestamp);
      // duration_seconds is the time on the page: the next event follows within that second.
      assert.ok(gap >= list[i - 1].duration_seconds * 1000 && gap < (list[i - 1].duration_seconds + 1) * 1000, `${id}: gap ${gap}`);
      if (list[i].event_type === 'add_to_cart') assert.equal(list[i].product_id, list[i - 1].product_id, 'adds the product just viewed');
    }
    if (types.includes('checkout')) {
      assert.ok(types.includes('add_to_cart'), 'checkout needs a cart');
      complete++;
    }
  }
  assert.ok(complete > 20_000, `${complete} sessions reached checkout`);
});

test('every purchase names a transaction written 0.3–2 s later for the same user, session and cart', () => {
  const byId = new Map(txns.map((t) => [t.transaction_id, t]));
  let purchases = 0;
  for (const list of sessions.values()) {
    const purchase = list.find((e) => e.event_type === 'purchase');
    const others = list.filter((e) => e.event_type !== 'purchase');
    assert.ok(others.every((e) => e.transaction_id === null));
    if (!purchase) continue;
    purchases++;
    const t = byId.get(purchase.transaction_id as string);
    assert.ok(t, `purchase without transaction ${purchase.transaction_id}`);
    assert.equal(t.session_id, purchase.session_id);
    assert.equal(t.user_id, purchase.user_id);
    const delay = Date.parse(t.timestamp) - Date.parse(purchase.timestamp);
    assert.ok(delay >= 300 && delay < 2_000, `payment delay ${delay}`);
    const cart = new Set(list.filter((e) => e.event_type === 'add_to_cart').map((e) => e.product_id));
    assert.ok(t.products.every((p) => cart.has(p.product_id)), 'transaction items come from the cart');
  }
  // Every transaction is a purchase's, or a velocity-attack follow-up in a session that has one.
  const named = new Set(events.filter((e) => e.transaction_id !== null).map((e) => e.transaction_id));
  assert.equal(named.size, purchases);
  for (const t of txns) if (!named.has(t.transaction_id)) assert.equal(t.fraud_type, 'velocity_attack', t.transaction_id);
});

test('line items match the catalogue: name and category as in product-updates, a price the product had, total = subtotal + 8% tax', () => {
  const history = new Map<string, Upd[]>();
  for (const u of updates) history.set(u.product_id, [...(history.get(u.product_id) ?? []), u]);
  // product-updates are written up to the last step's start; sessions finishing after it are checked for totals only.
  const horizon = updates.reduce((m, u) => Math.max(m, Date.parse(u.timestamp)), 0);
  for (const t of txns) {
    let subtotalCents = 0;
    const first = sessions.get(t.session_id)?.[0];
    for (const p of t.products) {
      const h = history.get(p.product_id);
      assert.ok(h, `unknown product ${p.product_id}`);
      assert.equal(p.name, h[0].name);
      assert.equal(p.category, h[0].category);
      assert.ok(Math.abs(Math.round(p.price * 100) - p.price * 100) < 1e-6, 'whole cents');
      subtotalCents += Math.round(p.price * 100) * p.quantity;
      if (t.fraud_type !== null || !first || Date.parse(t.timestamp) > horizon) continue;
      // The cart keeps the price in force when the product was added: some instant of the session.
      const from = Date.parse(first.timestamp);
      const to = Date.parse(t.timestamp);
      const inForce = h.filter((u, i) => Date.parse(u.timestamp) <= to && (i + 1 === h.length || Date.parse(h[i + 1].timestamp) > from));
      assert.ok(inForce.some((u) => u.price === p.price), `${p.product_id} at ${p.price}: ${inForce.map((u) => u.price)}`);
    }
    assert.equal(Math.round(t.total_amount * 100), Math.round(subtotalCents * 1.08), t.transaction_id);
  }
});

test('ids are unique: event_id and transaction_id, and a session_id belongs to one user', () => {
  assert.equal(new Set(txns.map((t) => t.transaction_id)).size, txns.length);
  assert.equal(new Set(events.map((e) => e.event_id)).size, events.length);
  const owner = new Map<string, string>();
  for (const e of events) assert.equal(owner.get(e.session_id) ?? e.user_id, (owner.set(e.session_id, e.user_id), e.user_id));
});
