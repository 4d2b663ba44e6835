import { owuiFlow } from './owui-flow.js';

// Open WebUI 0.10 and 0.11, each version with the picture in the form it writes.
owuiFlow([
  { version: '0.10.1', scenario: 'files', click: 'older' },
  { version: '0.10.1', scenario: 'markdown', click: 'last' },
  { version: '0.10.1', scenario: 'files', click: 'older', resultMessage: 'new' },
  { version: '0.11.0', scenario: 'upload', click: 'older' },
  { version: '0.11.0', scenario: 'files', click: 'older', readme: true },
  { version: '0.11.0', scenario: 'markdown', click: 'last' },
]);
