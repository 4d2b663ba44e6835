import { benchThroughput } from './throughput.js';
for (let i = 0; i < 2; i++) console.log(JSON.stringify(await benchThroughput(), null, 0));
