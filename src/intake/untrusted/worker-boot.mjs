// Entry of the threads in ./pool.ts: the sources are TypeScript, run without a build step.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
