/** The body of a CLI worker thread: runs tasks from the pool with the same `runTask` as the main thread. */
import { parentPort } from 'node:worker_threads';
import { runTask } from '../analysis/runTasks.ts';
import { runEvidenceTask } from '../evidence/plan.ts';
import type { Scenario } from '../scenario/schema.ts';
import { WarmupCache } from '../sim/warmup.ts';
import type { ReplyMessage, TaskMessage } from './workerProtocol.ts';

const port = parentPort;
if (!port) throw new Error('workerMain.ts runs only inside a worker thread');

const scenarios = new Map<number, Scenario>();
// Runs of the same seed share their warm-up; the pool hands a worker the tasks whose warm-up it holds when it can.
const warmups = new WarmupCache();

port.on('message', (task: TaskMessage) => {
  let reply: ReplyMessage;
  try {
    if (task.scenario) scenarios.set(task.key, task.scenario);
    const scenario = scenarios.get(task.key);
    if (!scenario) throw new Error(`scenario ${task.key} was never sent to this worker`);
    const run = { scenario, armId: task.armId, seed: task.seed };
    reply = {
      type: 'result',
      index: task.index,
      result: task.courierDays ? runEvidenceTask(run, warmups) : runTask(run, warmups),
    };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    reply = { type: 'error', index: task.index, message: error.message, stack: error.stack };
  }
  port.postMessage(reply);
});
