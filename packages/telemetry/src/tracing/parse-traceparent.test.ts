import { TraceFlags } from '@opentelemetry/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTraceparent } from '../index.js';

const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));

describe('parseTraceparent', () => {
  it('reads every valid version-00 header', () => {
    fc.assert(
      fc.property(hex(32), hex(16), hex(2), (traceId, spanId, flags) => {
        fc.pre(!/^0+$/.test(traceId) && !/^0+$/.test(spanId));
        expect(parseTraceparent(`00-${traceId}-${spanId}-${flags}`)).toEqual({
          traceId,
          spanId,
          traceFlags: Number.parseInt(flags, 16) & TraceFlags.SAMPLED,
          isRemote: true,
        });
      }),
    );
  });

  it('never throws, whatever the header', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: undefined }), (traceparent, tracestate) => {
        parseTraceparent(traceparent, tracestate);
      }),
    );
  });

  it('rejects what the W3C spec says to ignore', () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const spanId = 'b7ad6b7169203331';
    expect(parseTraceparent(`ff-${traceId}-${spanId}-01`)).toBeUndefined();
    expect(parseTraceparent(`00-${'0'.repeat(32)}-${spanId}-01`)).toBeUndefined();
    expect(parseTraceparent(`00-${traceId}-${'0'.repeat(16)}-01`)).toBeUndefined();
    expect(parseTraceparent(`00-${traceId}-${spanId}-01-extra`)).toBeUndefined();
    expect(parseTraceparent(`00-${traceId.toUpperCase()}-${spanId}-01`)).toBeUndefined();
    expect(parseTraceparent(`01-${traceId}-${spanId}-01-future`)).toMatchObject({ traceId, spanId });
    expect(parseTraceparent(`00-${traceId}-${spanId}-01`, 'vendor=abc')?.traceState?.get('vendor')).toBe(
      'abc',
    );
  });
});
