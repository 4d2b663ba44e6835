import type { OpChannel } from './channel.js';

/** Open bridge sessions by id, so replies posted separately find their channel. */
export class SessionRegistry {
  private readonly channels = new Map<string, OpChannel>();

  add(channel: OpChannel): void {
    this.channels.set(channel.session, channel);
  }

  get(id: string): OpChannel | undefined {
    return this.channels.get(id);
  }

  delete(id: string): void {
    this.channels.delete(id);
  }

  get size(): number {
    return this.channels.size;
  }
}
