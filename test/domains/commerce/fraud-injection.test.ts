import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commerceDomain } from '../../../src/domains/commerce/index.js';
import { Users } from '../../../src/domains/commerce/catalog.js';
import { localHour } from '../../../src/domains/commerce/load-factor.js';
import { CITIES, FRAUD_TYPES, SUSPICIOUS_DEVICES } from '../../../src/domains/commerce/vocabulary.js';
import { runInline } from '../../support/inline-engine.js';

interface Txn {
  transaction_id: string;
  user_id: string;
  session_id: string;
  timestamp: string;
  products: Array<{ category: string; price: number; quantity: number }>;
  total_amount: number;
  location: { city: string };
  device_info: { device_type: string; browser: string };
  is_fraud: boolean;
  fraud_type: string | null;
  fraud_score: number;
}
interface Alert { transaction_id: string; is_fraud: boolean; timestamp: string }

// fraud_testing: 400,000 user events at fraudRate 0.1, seed 21 (default 10,000 users), ≈ 43,000 transactions.
const SEED = 21;
const users = new Users(SEED, 10_000);
const txns: Txn[] = [];
const alerts: Alert[] = [];
runInline({ domain: commerceDomain, seed: SEED, events: 400_000, ratePerSec: 1_000, knobs: { fraudRate: 0.1 } }, (r) => {
  if (r.topic === 'transactions') txns.push(JSON.parse(r.value) as Txn);
  else if (r.topic === 'fraud-alerts') alerts.push(JSON.parse(r.value) as Alert);
});
const fraud = txns.filter((t) => t.is_fraud);
const incidents = new Map<string, Txn[]>();
for (const t of fraud) incidents.set(t.session_id, [...(incidents.get(t.session_id) ?? []), t]);
const userCity = (userId: string): number => users.city(Number(userId.slice(5)));
const cityIndex = new Map(CITIES.map((c, i) => [c.city, i]));

test('the share of transactions labelled is_fraud is the fraudRate knob, 0.1 ± 0.02', () => {
  // Incidents cluster (a velocity attack writes 5–15): with ≈ 1,700 incidents and E[m²] ≈ 19.2 transactions²,
  // sd(fraud count) ≈ sqrt(1,700·19.2) ≈ 181 of ≈ 43,000, i.e. 0.0042 in share; 4 sd ≈ 0.017 (+ model slack).
  const share = fraud.length / txns.length;
  assert.ok(txns.length > 35_000, `${txns.length} transactions`);
  assert.ok(Math.abs(share - 0.1) < 0.02, `fraud share ${share}`);
});

test('the six anomaly types each start 1/6 of the fraud incidents (± 4 SE)', () => {
  const n = incidents.size;
  // 4·sqrt((1/6)(5/6)/n): ±0.036 at n = 1,700.
  const tol = 4 * Math.sqrt((1 / 6) * (5 / 6) / n);
  for (const type of FRAUD_TYPES) {
    const share = [...incidents.values()].filter((list) => list[0].fraud_type === type).length / n;
    assert.ok(Math.abs(share - 1 / 6) < tol, `${type}: ${share} of ${n} incidents`);
  }
});

test('each anomaly type shows its spec signature in the labelled transactions', () => {
  const suspicious = new Set(SUSPICIOUS_DEVICES.map((d) => d.browser));
  for (const list of incidents.values()) {
    const first = list[0];
    const home = userCity(first.user_id);
    const at = cityIndex.get(first.location.city) as number;
    switch (first.fraud_type) {
      case 'velocity_attack': {
        // spec 002: 5–15 transactions within 5 minutes.
        assert.ok(list.length >= 5 && list.length <= 15, `${list.length} transactions`);
        const span = Date.parse(list[list.length - 1].timestamp) - Date.parse(first.timestamp);
        assert.ok(span <= 300_000, `span ${span} ms`);
        break;
      }
      case 'location_anomaly':
        assert.notEqual(CITIES[at].region, CITIES[home].region, 'another continent');
        break;
      case 'time_anomaly': {
        const h = localHour(Date.parse(first.timestamp), CITIES[at].utcOffsetHours);
        assert.ok(h >= 2 && h < 4, `local hour ${h}`);
        break;
      }
      case 'device_anomaly':
        assert.ok(suspicious.has(first.device_info.browser), first.device_info.browser);
        break;
      case 'amount_anomaly':
        assert.ok(first.total_amount < 1.1 || first.products.every((p) => p.quantity >= 5), JSON.stringify(first));
        break;
      case 'pattern_anomaly':
        assert.ok(first.products.every((p) => p.quantity >= 2 && (p.category === 'Electronics' || p.category === 'Fashion')), JSON.stringify(first));
        break;
      default:
        assert.fail(`unknown type ${first.fraud_type}`);
    }
    assert.equal(list.length === 1 || first.fraud_type === 'velocity_attack', true);
  }
});

test('legitimate transactions score lower than fraudulent ones and carry no fraud_type', () => {
  const legit = txns.filter((t) => !t.is_fraud);
  assert.ok(legit.every((t) => t.fraud_type === null && t.fraud_score < 0.55));
  assert.ok(fraud.every((t) => t.fraud_score >= 0.55));
});

test('fraud-alerts: fraudAlertRate (0.8) of fraudulent transactions and falseAlertRate (0.0005) of the rest raise one, after it', () => {
  const byId = new Map(txns.map((t) => [t.transaction_id, t]));
  let truePositives = 0;
  let falsePositives = 0;
  for (const a of alerts) {
    const t = byId.get(a.transaction_id);
    assert.ok(t, `alert for unknown ${a.transaction_id}`);
    assert.equal(a.is_fraud, t.is_fraud);
    assert.ok(Date.parse(a.timestamp) >= Date.parse(t.timestamp));
    if (t.is_fraud) truePositives++;
    else falsePositives++;
  }
  assert.equal(new Set(alerts.map((a) => a.transaction_id)).size, alerts.length, 'one alert per transaction at most');
  // 4·sqrt(0.8·0.2/4,300) ≈ 0.024 over ≈ 4,300 fraudulent transactions.
  const recall = truePositives / fraud.length;
  assert.ok(Math.abs(recall - 0.8) < 4 * Math.sqrt(0.16 / fraud.length), `recall ${recall}`);
  // ≈ 39,000 legitimate: expected 19.5 false alerts, Poisson sd 4.4; 4 sd ≈ 18.
  const legit = txns.length - fraud.length;
  assert.ok(Math.abs(falsePositives - legit * 0.0005) < 4 * Math.sqrt(legit * 0.0005) + 1, `${falsePositives} false alerts of ${legit}`);
});
