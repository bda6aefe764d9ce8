/**
 * The property a test gateway carries its recorded requests under (a function returning them). A
 * `Symbol.for` key, so matchers find it even when two copies of this package are installed.
 */
export const GATEWAY_REQUESTS: unique symbol = Symbol.for('switchyard.testing.requests');
