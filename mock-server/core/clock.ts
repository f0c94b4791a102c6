/**
 * The server's one "now". Every deadline, expiry and timestamp in the mock server reads this clock, never Date.now()
 * or new Date() directly, so QA can set and advance time (POST /__qa/clock) and drive windows and expiry from a test.
 * It keeps an offset from the machine's clock, so time still flows after it is moved.
 */
export class Clock {
  private offsetMs = 0

  /** Milliseconds since the epoch, on the server's clock. */
  now(): number {
    return Date.now() + this.offsetMs
  }

  date(): Date {
    return new Date(this.now())
  }

  iso(): string {
    return this.date().toISOString()
  }

  /** ISO time `ms` from now. */
  later(ms: number): string {
    return new Date(this.now() + ms).toISOString()
  }

  /** Whether an ISO time has come. */
  isPast(iso: string): boolean {
    return Date.parse(iso) <= this.now()
  }

  /** Jumps to a moment; time flows on from there. */
  set(ms: number): void {
    this.offsetMs = ms - Date.now()
  }

  advance(ms: number): void {
    this.offsetMs += ms
  }

  /** Back to the machine's time. */
  reset(): void {
    this.offsetMs = 0
  }

  /** How far the server's clock is from the machine's (QA reads it). */
  get offset(): number {
    return this.offsetMs
  }
}
