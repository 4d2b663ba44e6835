import { owuiFlow } from './owui-flow.js';

// Open WebUI 0.5 and 0.6, each version with the picture in the form it writes; older messages only where the
// version shows buttons there (0.6.42+).
owuiFlow([
  { version: '0.5.20', scenario: 'generated', click: 'last' },
  { version: '0.5.20', scenario: 'upload', click: 'last' },
  { version: '0.6.5', scenario: 'generated', click: 'last' },
  { version: '0.6.43', scenario: 'upload', click: 'older' },
  { version: '0.6.43', scenario: 'files', click: 'last' },
]);
