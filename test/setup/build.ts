import { buildDist } from '../../src/build.js';

/** Tests that start the sidecar as a process run the build users run, made fresh from these sources. */
export default async function setup(): Promise<void> {
  await buildDist();
}
