/** One server-sent event: its `event:` field (null without one) and its `data:` lines joined by `\n`. */
export interface ServerSentEvent {
  event: string | null;
  data: string;
}

const LF = 10;

/**
 * Decodes a server-sent event stream (WHATWG framing) incrementally: feed it the body's bytes as they
 * arrive, in pieces split anywhere (inside a line, between CR and LF, inside a UTF-8 character), and it
 * returns the events each piece completes. Lines end in LF, CRLF or CR; comments (`:`), `id:` and
 * `retry:` are skipped; a blank line ends an event, and one without an `event:` or `data:` field is
 * dropped. Invalid UTF-8 becomes U+FFFD. The adapters' only SSE reader: each one turns these events
 * into its own chunks.
 */
export class SSEDecoder {
  private readonly text = new TextDecoder();
  /** The start of a line whose end has not arrived yet. */
  private pending = '';
  /** The last piece ended in CR: a LF starting the next one belongs to that line ending. */
  private skipLeadingLF = false;
  private event: string | null = null;
  private data: Array<string> = [];

  /** The events completed by `bytes`, in order. */
  decode(bytes: Uint8Array): Array<ServerSentEvent> {
    return this.decodeText(this.text.decode(bytes, { stream: true }));
  }

  /**
   * The events left at the end of the body: a last line without its line ending, and an event without
   * its closing blank line (some servers omit it). The decoder can be reused afterwards.
   */
  flush(): Array<ServerSentEvent> {
    const events = this.decodeText(this.text.decode());
    if (this.pending !== '') {
      this.readLine(this.pending, events);
      this.pending = '';
    }
    this.skipLeadingLF = false;
    this.readLine('', events);
    return events;
  }

  private decodeText(decoded: string): Array<ServerSentEvent> {
    const events: Array<ServerSentEvent> = [];
    let text = decoded;
    if (this.skipLeadingLF && text !== '') {
      this.skipLeadingLF = false;
      if (text.charCodeAt(0) === LF) text = text.slice(1);
    }
    if (this.pending !== '') text = this.pending + text;
    // Positions of the next LF and CR, searched again only once passed: most streams have no CR at all.
    let nextLF = text.indexOf('\n');
    let nextCR = text.indexOf('\r');
    let start = 0;
    for (;;) {
      if (nextLF !== -1 && nextLF < start) nextLF = text.indexOf('\n', start);
      if (nextCR !== -1 && nextCR < start) nextCR = text.indexOf('\r', start);
      const end = nextCR === -1 || (nextLF !== -1 && nextLF < nextCR) ? nextLF : nextCR;
      if (end === -1) break;
      this.readLine(text.slice(start, end), events);
      start = end + 1;
      if (end === nextCR) {
        if (start === text.length) this.skipLeadingLF = true;
        else if (text.charCodeAt(start) === LF) start += 1;
      }
    }
    this.pending = start === 0 ? text : text.slice(start);
    return events;
  }

  private readLine(line: string, events: Array<ServerSentEvent>): void {
    if (line === '') {
      if (this.event || this.data.length > 0) {
        events.push({ event: this.event, data: this.data.join('\n') });
        this.event = null;
        this.data = [];
      }
      return;
    }
    if (line.charCodeAt(0) === 58 /* ':' */) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    if (field !== 'data' && field !== 'event') return;
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32 /* ' ' */) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else this.event = value;
  }
}
