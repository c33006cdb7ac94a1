import * as core from './workflow-commands.js';
import { State } from './constants.js';
import { post, run } from './main.js';

// One bundle serves both `main:` and `post:`; the main step leaves a state flag for the post step.
if (core.getState(State.IsPost)) await post();
else await run();
