/** The body of a CLI worker thread: runs tasks from the pool with the same simulate as the main thread. */
import { parentPort } from 'node:worker_threads';
import { TaskRunner } from '../analysis/taskRunner.ts';
import type { ReplyMessage, TaskMessage } from './workerProtocol.ts';

const port = parentPort;
if (!port) throw new Error('workerMain.ts runs only inside a worker thread');

const runner = new TaskRunner();

port.on('message', (task: TaskMessage) => {
  let reply: ReplyMessage;
  try {
    reply = { type: 'result', index: task.index, result: runner.run(task) };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    reply = { type: 'error', index: task.index, message: error.message, stack: error.stack };
  }
  port.postMessage(reply);
});
