import { Socket } from 'node:net';

/**
 * A TCP socket that sends what is written to it in one turn of the event loop as one write: the
 * pipelined statements of a transaction (BEGIN and the first statement, the inbox's INSERT and
 * COMMIT) leave together instead of one system call and one segment each. pg already sends the
 * messages of one statement together; this joins statements. Held only until the current turn's
 * promise callbacks have run (process.nextTick), before any I/O: nothing waits longer for it.
 *
 * Measured 2026-12-07 on this project's 2-core VM, where a socket write cost about 0.1 ms of CPU:
 * at 1,000 hand-overs a second a third of the process's time went to socket writes.
 */
export class CoalescingSocket extends Socket {
  private held = false;

  override connect(...args: unknown[]): this {
    super.connect(...(args as [never]));
    // net.Socket's connect puts its own write back on the instance (undoing a write-after-end).
    this.write = this.coalescedWrite;
    return this;
  }

  private readonly coalescedWrite = ((...args: Parameters<Socket['write']>): boolean => {
    if (!this.held) {
      this.held = true;
      this.cork();
      process.nextTick(() => {
        this.held = false;
        this.uncork();
      });
    }
    return Socket.prototype.write.apply(this, args as [never]);
  }) as Socket['write'];
}
