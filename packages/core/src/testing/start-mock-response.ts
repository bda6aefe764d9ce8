import { abortableDelay } from './abortable-delay.js';
import type { ClassifiedMockFault } from './classify-mock-fault.js';
import { createMockFaultError } from './create-mock-fault-error.js';
import type { MockStreamInterruption } from './create-mock-stream.js';

/**
 * Plays the part of a fault that happens before the first byte: fails the call outright, or waits
 * (honouring the abort signal). Returns the interruption, if any, that comes after some parts.
 */
export async function startMockResponse(
  fault: ClassifiedMockFault | undefined,
  signal: AbortSignal,
  provider: string,
): Promise<MockStreamInterruption | undefined> {
  if (fault === undefined) return undefined;
  switch (fault.kind) {
    case 'status':
    case 'connection':
      throw createMockFaultError(fault.fault, provider);
    case 'delay':
      await abortableDelay(fault.delayMs, signal);
      return undefined;
    case 'error-after-parts':
      return {
        kind: 'error',
        afterParts: fault.afterParts,
        error: createMockFaultError(fault.error, provider),
      };
    case 'stall-after-parts':
      return { kind: 'stall', afterParts: fault.afterParts };
    default: {
      const unreachable: never = fault;
      return unreachable;
    }
  }
}
