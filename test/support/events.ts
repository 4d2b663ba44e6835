/** Reads a job's event stream (the answer to GET /v1/jobs/:id/events) to its end; returns every state it sent. */
export async function jobEvents(res: Response): Promise<Array<Record<string, any>>> {
  const states = (await res.text())
    .split('\n')
    .filter((l) => l.startsWith('data: '))
    .map((l) => JSON.parse(l.slice(6)) as Record<string, any>);
  if (!states.length) throw new Error(`the event stream sent no job state (HTTP ${res.status})`);
  return states;
}

/** The last state a job's event stream sent, once it ended. */
export async function lastJobEvent(res: Response): Promise<Record<string, any>> {
  return (await jobEvents(res)).at(-1)!;
}
