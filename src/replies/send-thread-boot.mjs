// Entry of the reply sender's thread (./send-thread.ts): the sources are TypeScript, run without a build step.
import { register } from 'tsx/esm/api';

register();
await import('./send-thread-main.ts');
