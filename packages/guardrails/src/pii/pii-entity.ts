import { createApiKeyDetector } from './detectors/api-key-detector.js';
import { createCreditCardDetector } from './detectors/credit-card-detector.js';
import { createEmailDetector } from './detectors/email-detector.js';
import { createIbanDetector } from './detectors/iban-detector.js';
import { createIpAddressDetector } from './detectors/ip-address-detector.js';
import { createPhoneDetector } from './detectors/phone-detector.js';
import { createSsnDetector } from './detectors/ssn-detector.js';
import type { EntityDetector } from './entity-detector.js';

/** Kinds of personal data `pii_detector` finds. */
export type PiiEntity = 'email' | 'phone' | 'ssn' | 'credit_card' | 'iban' | 'ip_address' | 'api_key';

/** Detector factories (each detector owns its regexps). */
export const PII_DETECTORS: Readonly<Record<PiiEntity, () => EntityDetector>> = {
  api_key: createApiKeyDetector,
  email: createEmailDetector,
  iban: createIbanDetector,
  credit_card: createCreditCardDetector,
  ssn: createSsnDetector,
  ip_address: createIpAddressDetector,
  phone: createPhoneDetector,
};

/** In priority order: when two matches overlap at the same start, the earlier entity wins. */
export const PII_ENTITIES: ReadonlyArray<PiiEntity> = [
  'api_key',
  'email',
  'iban',
  'credit_card',
  'ssn',
  'ip_address',
  'phone',
];

export const isPiiEntity = (value: string): value is PiiEntity =>
  PII_ENTITIES.some((entity) => entity === value);
