/** Topic indexes in the commerce domain's topic list (the order of `commerceDomain.topics`). */
export const TOPIC_TRANSACTIONS = 0;
export const TOPIC_EVENTS = 1;
export const TOPIC_PRODUCTS = 2;
export const TOPIC_ALERTS = 3;
