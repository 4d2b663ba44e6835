import { benchImages } from './bench/images.js';
console.log((await benchImages()).map((r) => `${r.name} ${r.value}`).join('\n'));
