// Entry of a page worker thread: TypeScript runs directly here as in the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./page-worker.ts');
