import { EventEmitter, on } from 'node:events';
import { appError } from '../errors.js';
import { isTerminal, type JobRecord, type JobView, toView } from './types.js';

/** The jobs this sidecar knows, and the changes of each as they happen, for SSE streams and chat sessions. */
export class JobRegistry {
  private readonly events = new EventEmitter();

  constructor(private readonly records: Map<string, JobRecord>) {
    // Every SSE stream and bridge session listens here; the default cap of 10 would warn under normal load.
    this.events.setMaxListeners(0);
  }

  all(): IterableIterator<JobRecord> {
    return this.records.values();
  }

  add(record: JobRecord): void {
    this.records.set(record.id, record);
  }

  delete(id: string): void {
    this.records.delete(id);
  }

  get(id: string): JobRecord | undefined {
    return this.records.get(id);
  }

  require(id: string): JobRecord {
    const record = this.records.get(id);
    if (!record) throw appError('job_not_found', { id });
    return record;
  }

  /** Tells every listener of the job its current view. */
  emit(record: JobRecord): void {
    this.events.emit(record.id, toView(record));
  }

  view(id: string): JobView {
    return toView(this.require(id));
  }

  /** Newest first. */
  list(filter: { owner?: string; limit?: number } = {}): JobView[] {
    return [...this.records.values()]
      .filter((r) => filter.owner === undefined || r.owner === filter.owner)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, filter.limit ?? 100)
      .map((r) => toView(r));
  }

  /** Calls the listener on every change of the job, progress included; returns the unsubscribe function. */
  subscribe(id: string, listener: (view: JobView) => void): () => void {
    this.events.on(id, listener);
    return () => this.events.off(id, listener);
  }

  /** The job's current view, then every change, until it ends or the signal aborts. */
  async *watch(id: string, signal?: AbortSignal): AsyncGenerator<JobView> {
    const first = this.view(id);
    yield first;
    if (isTerminal(first.state)) return;
    // Listening starts before the loop, so no change between the first view and the loop is lost.
    const iterator = on(this.events, id, signal ? { signal } : {});
    try {
      for await (const [view] of iterator as AsyncIterable<[JobView]>) {
        yield view;
        if (isTerminal(view.state)) return;
      }
    } catch (err) {
      if (signal?.aborted) return;
      throw err;
    }
  }

  /** Resolves when the job has ended. */
  async wait(id: string, signal?: AbortSignal): Promise<JobView> {
    let last = this.view(id);
    for await (const view of this.watch(id, signal)) last = view;
    return last;
  }
}
