/**
 * Reasoning that must be sent back verbatim on the next turn (e.g. Anthropic thinking signatures,
 * redacted thinking, Gemini thought signatures). Returned on completion messages and stream deltas as
 * `reasoning_details`; accepted on assistant messages in requests.
 */
export type ReasoningDetail =
  | {
      type: 'reasoning.text';
      text: string;
      /** The provider's signature over `text`, required to replay it. */
      signature?: string;
      /** The provider that produced it, so another provider's details can be skipped. */
      provider?: string;
    }
  | {
      type: 'reasoning.encrypted';
      /** Opaque reasoning the provider returned encrypted or redacted. */
      data: string;
      provider?: string;
    };
