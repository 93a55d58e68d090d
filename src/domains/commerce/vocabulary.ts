/** Fixed tables of the commerce domain (spec 002): regions, cities, categories, devices, payment methods. */

/** spec 002 "Geographic Realism": 45% North America, 30% Europe, 20% Asia, 5% Others (region indexes 0–3). */
export const REGION_WEIGHTS = [0.45, 0.3, 0.2, 0.05];

/** A real city: coordinates to 4 decimals, standard-time UTC offset in hours, weight within its region. */
export interface City {
  readonly region: number;
  readonly country: string;
  readonly state: string;
  readonly city: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly utcOffsetHours: number;
  readonly weight: number;
}

const NA = 0;
const EU = 1;
const AS = 2;
const OT = 3;

// Offsets are standard time (no DST). They leave no gap wider than 2 h around the clock, so at every UTC
// instant some city is at 2–4 AM local time (the time anomaly needs one).
export const CITIES: readonly City[] = [
  { region: NA, country: 'US', state: 'NY', city: 'New York', latitude: 40.7128, longitude: -74.006, utcOffsetHours: -5, weight: 8 },
  { region: NA, country: 'US', state: 'CA', city: 'Los Angeles', latitude: 34.0522, longitude: -118.2437, utcOffsetHours: -8, weight: 6 },
  { region: NA, country: 'US', state: 'CA', city: 'San Francisco', latitude: 37.7749, longitude: -122.4194, utcOffsetHours: -8, weight: 3 },
  { region: NA, country: 'US', state: 'IL', city: 'Chicago', latitude: 41.8781, longitude: -87.6298, utcOffsetHours: -6, weight: 4 },
  { region: NA, country: 'US', state: 'TX', city: 'Houston', latitude: 29.7604, longitude: -95.3698, utcOffsetHours: -6, weight: 3 },
  { region: NA, country: 'US', state: 'WA', city: 'Seattle', latitude: 47.6062, longitude: -122.3321, utcOffsetHours: -8, weight: 2 },
  { region: NA, country: 'US', state: 'CO', city: 'Denver', latitude: 39.7392, longitude: -104.9903, utcOffsetHours: -7, weight: 2 },
  { region: NA, country: 'US', state: 'FL', city: 'Miami', latitude: 25.7617, longitude: -80.1918, utcOffsetHours: -5, weight: 2 },
  { region: NA, country: 'US', state: 'HI', city: 'Honolulu', latitude: 21.3069, longitude: -157.8583, utcOffsetHours: -10, weight: 0.5 },
  { region: NA, country: 'CA', state: 'ON', city: 'Toronto', latitude: 43.6532, longitude: -79.3832, utcOffsetHours: -5, weight: 3 },
  { region: NA, country: 'CA', state: 'NS', city: 'Halifax', latitude: 44.6488, longitude: -63.5752, utcOffsetHours: -4, weight: 0.5 },
  { region: NA, country: 'MX', state: 'CMX', city: 'Mexico City', latitude: 19.4326, longitude: -99.1332, utcOffsetHours: -6, weight: 3 },
  { region: EU, country: 'GB', state: 'ENG', city: 'London', latitude: 51.5074, longitude: -0.1278, utcOffsetHours: 0, weight: 6 },
  { region: EU, country: 'FR', state: 'IDF', city: 'Paris', latitude: 48.8566, longitude: 2.3522, utcOffsetHours: 1, weight: 5 },
  { region: EU, country: 'DE', state: 'BE', city: 'Berlin', latitude: 52.52, longitude: 13.405, utcOffsetHours: 1, weight: 4 },
  { region: EU, country: 'ES', state: 'MD', city: 'Madrid', latitude: 40.4168, longitude: -3.7038, utcOffsetHours: 1, weight: 3 },
  { region: EU, country: 'IT', state: 'RM', city: 'Rome', latitude: 41.9028, longitude: 12.4964, utcOffsetHours: 1, weight: 3 },
  { region: EU, country: 'NL', state: 'NH', city: 'Amsterdam', latitude: 52.3676, longitude: 4.9041, utcOffsetHours: 1, weight: 2 },
  { region: EU, country: 'PL', state: 'MZ', city: 'Warsaw', latitude: 52.2297, longitude: 21.0122, utcOffsetHours: 1, weight: 2 },
  { region: EU, country: 'GR', state: 'I', city: 'Athens', latitude: 37.9838, longitude: 23.7275, utcOffsetHours: 2, weight: 1 },
  { region: EU, country: 'TR', state: '34', city: 'Istanbul', latitude: 41.0082, longitude: 28.9784, utcOffsetHours: 3, weight: 2 },
  { region: EU, country: 'PT', state: '20', city: 'Ponta Delgada', latitude: 37.7412, longitude: -25.6756, utcOffsetHours: -1, weight: 0.3 },
  { region: AS, country: 'JP', state: '13', city: 'Tokyo', latitude: 35.6762, longitude: 139.6503, utcOffsetHours: 9, weight: 5 },
  { region: AS, country: 'KR', state: '11', city: 'Seoul', latitude: 37.5665, longitude: 126.978, utcOffsetHours: 9, weight: 3 },
  { region: AS, country: 'CN', state: 'SH', city: 'Shanghai', latitude: 31.2304, longitude: 121.4737, utcOffsetHours: 8, weight: 4 },
  { region: AS, country: 'SG', state: 'SG', city: 'Singapore', latitude: 1.3521, longitude: 103.8198, utcOffsetHours: 8, weight: 2 },
  { region: AS, country: 'IN', state: 'MH', city: 'Mumbai', latitude: 19.076, longitude: 72.8777, utcOffsetHours: 5.5, weight: 4 },
  { region: AS, country: 'TH', state: '10', city: 'Bangkok', latitude: 13.7563, longitude: 100.5018, utcOffsetHours: 7, weight: 2 },
  { region: AS, country: 'AE', state: 'DU', city: 'Dubai', latitude: 25.2048, longitude: 55.2708, utcOffsetHours: 4, weight: 1 },
  { region: OT, country: 'BR', state: 'SP', city: 'Sao Paulo', latitude: -23.5505, longitude: -46.6333, utcOffsetHours: -3, weight: 4 },
  { region: OT, country: 'AR', state: 'C', city: 'Buenos Aires', latitude: -34.6037, longitude: -58.3816, utcOffsetHours: -3, weight: 2 },
  { region: OT, country: 'CL', state: 'RM', city: 'Santiago', latitude: -33.4489, longitude: -70.6693, utcOffsetHours: -4, weight: 1 },
  { region: OT, country: 'AU', state: 'NSW', city: 'Sydney', latitude: -33.8688, longitude: 151.2093, utcOffsetHours: 10, weight: 2 },
  { region: OT, country: 'NZ', state: 'AUK', city: 'Auckland', latitude: -36.8485, longitude: 174.7633, utcOffsetHours: 12, weight: 0.5 },
  { region: OT, country: 'ZA', state: 'GP', city: 'Johannesburg', latitude: -26.2041, longitude: 28.0473, utcOffsetHours: 2, weight: 1 },
  { region: OT, country: 'NG', state: 'LA', city: 'Lagos', latitude: 6.5244, longitude: 3.3792, utcOffsetHours: 1, weight: 1 },
];

/** Population share of each city: region weight × the city's share of its region. */
export const CITY_SHARES: readonly number[] = (() => {
  const regionTotals = [0, 0, 0, 0];
  for (const c of CITIES) regionTotals[c.region] += c.weight;
  return CITIES.map((c) => (REGION_WEIGHTS[c.region] * c.weight) / regionTotals[c.region]);
})();

/** A product category with its price range in dollars (spec 002 `price_ranges`) and catalogue share. */
export interface Category {
  readonly name: string;
  readonly slug: string;
  readonly minPrice: number;
  readonly maxPrice: number;
  readonly weight: number;
  readonly nouns: readonly string[];
}

export const CATEGORIES: readonly Category[] = [
  { name: 'Electronics', slug: 'electronics', minPrice: 100, maxPrice: 2000, weight: 3, nouns: ['Monitor', 'Laptop', 'Headphones', 'Speaker', 'Tablet', 'Camera', 'Smartwatch', 'Keyboard'] },
  { name: 'Clothing', slug: 'clothing', minPrice: 15, maxPrice: 300, weight: 3, nouns: ['Jacket', 'T-Shirt', 'Jeans', 'Sweater', 'Dress', 'Hoodie', 'Coat'] },
  { name: 'Fashion', slug: 'fashion', minPrice: 20, maxPrice: 500, weight: 2, nouns: ['Handbag', 'Sunglasses', 'Watch', 'Sneakers', 'Scarf', 'Belt'] },
  { name: 'Home', slug: 'home', minPrice: 30, maxPrice: 800, weight: 2, nouns: ['Lamp', 'Blender', 'Sofa Cover', 'Cookware Set', 'Rug', 'Coffee Maker'] },
  { name: 'Sports', slug: 'sports', minPrice: 15, maxPrice: 600, weight: 1.5, nouns: ['Yoga Mat', 'Running Shoes', 'Dumbbell Set', 'Bicycle Helmet', 'Tent'] },
  { name: 'Books', slug: 'books', minPrice: 5, maxPrice: 80, weight: 1.5, nouns: ['Novel', 'Cookbook', 'Biography', 'Travel Guide', 'Textbook'] },
  { name: 'Beauty', slug: 'beauty', minPrice: 8, maxPrice: 200, weight: 1.5, nouns: ['Moisturizer', 'Perfume', 'Hair Dryer', 'Lipstick Set', 'Serum'] },
  { name: 'Toys & Games', slug: 'toys-games', minPrice: 10, maxPrice: 250, weight: 1.5, nouns: ['Board Game', 'Puzzle', 'Action Figure', 'Building Set', 'Plush Toy'] },
];

export const PRODUCT_ADJECTIVES = ['Premium', 'Classic', 'Compact', 'Deluxe', 'Essential', 'Ultra', 'Smart', 'Eco', 'Pro', 'Vintage', 'Modern', 'Portable'];
export const PRODUCT_QUALIFIERS = ['Professional', 'Everyday', 'Wireless', 'Lightweight', 'Signature', 'Limited', 'Advanced', 'Original'];

/** spec 002 "Seasonal Events": the categories each event favours. */
export const BLACK_FRIDAY_CATEGORIES = ['Electronics', 'Clothing'];
export const CHRISTMAS_CATEGORIES = ['Toys & Games', 'Electronics'];

/** spec 002 "Device Distribution": 50% mobile, 35% desktop, 15% tablet. */
export const DEVICE_TYPES = ['mobile', 'desktop', 'tablet'] as const;
export const DEVICE_WEIGHTS = [0.5, 0.35, 0.15];

/** A device profile: the fields transactions and user events carry. */
export interface DeviceProfile {
  readonly deviceType: string;
  readonly os: string;
  readonly browser: string;
  readonly screenResolution: string;
  readonly weight: number;
}

/** Profiles per device type (index as DEVICE_TYPES), weights within the type. */
export const DEVICE_PROFILES: readonly (readonly DeviceProfile[])[] = [
  [
    { deviceType: 'mobile', os: 'iOS', browser: 'Safari', screenResolution: '390x844', weight: 4 },
    { deviceType: 'mobile', os: 'Android', browser: 'Chrome', screenResolution: '412x915', weight: 5 },
    { deviceType: 'mobile', os: 'Android', browser: 'Samsung Internet', screenResolution: '360x800', weight: 1 },
  ],
  [
    { deviceType: 'desktop', os: 'Windows', browser: 'Chrome', screenResolution: '1920x1080', weight: 5 },
    { deviceType: 'desktop', os: 'Windows', browser: 'Edge', screenResolution: '1366x768', weight: 2 },
    { deviceType: 'desktop', os: 'macOS', browser: 'Chrome', screenResolution: '1440x900', weight: 2 },
    { deviceType: 'desktop', os: 'macOS', browser: 'Safari', screenResolution: '2560x1440', weight: 2 },
    { deviceType: 'desktop', os: 'Linux', browser: 'Firefox', screenResolution: '1920x1080', weight: 1 },
  ],
  [
    { deviceType: 'tablet', os: 'iPadOS', browser: 'Safari', screenResolution: '820x1180', weight: 3 },
    { deviceType: 'tablet', os: 'Android', browser: 'Chrome', screenResolution: '800x1280', weight: 2 },
  ],
];

/** spec 002 "Device anomalies": unknown or suspicious device signatures. */
export const SUSPICIOUS_DEVICES: readonly DeviceProfile[] = [
  { deviceType: 'unknown', os: 'Unknown', browser: 'HeadlessChrome', screenResolution: '800x600', weight: 1 },
  { deviceType: 'unknown', os: 'Linux', browser: 'python-requests', screenResolution: '0x0', weight: 1 },
  { deviceType: 'desktop', os: 'Windows', browser: 'Tor Browser', screenResolution: '1000x900', weight: 1 },
  { deviceType: 'mobile', os: 'Android', browser: 'Emulator WebView', screenResolution: '320x480', weight: 1 },
];

export const PAYMENT_METHODS = ['credit_card', 'debit_card', 'paypal', 'apple_pay', 'google_pay', 'bank_transfer'] as const;
export const PAYMENT_WEIGHTS = [0.45, 0.2, 0.15, 0.08, 0.07, 0.05];

/** User types (spec 002 "Behavioral Realism"): regular 70%, VIP 5%, new 25% (type indexes 0–2). */
export const USER_TYPE_WEIGHTS = [0.7, 0.05, 0.25];

/** The six anomaly types of spec 002 "Fraud Patterns", as `fraud_type` values. */
export const FRAUD_TYPES = ['velocity_attack', 'location_anomaly', 'amount_anomaly', 'time_anomaly', 'device_anomaly', 'pattern_anomaly'] as const;
export const FRAUD_VELOCITY = 0;
export const FRAUD_LOCATION = 1;
export const FRAUD_AMOUNT = 2;
export const FRAUD_TIME = 3;
export const FRAUD_DEVICE = 4;
export const FRAUD_PATTERN = 5;
