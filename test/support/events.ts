/** Reads a job's event stream (the answer to GET /v1/jobs/:id/events) to its end; returns the last state it sent. */
export async function lastJobEvent(res: Response): Promise<Record<string, any>> {
  const last = (await res.text())
    .split('\n')
    .filter((l) => l.startsWith('data: '))
    .at(-1);
  if (!last) throw new Error(`the event stream sent no job state (HTTP ${res.status})`);
  return JSON.parse(last.slice(6)) as Record<string, any>;
}
