package dev.chainrule.core.exec;

/** One unit of a compiled plan's schedule, owned by one thread's {@link Workspace}. */
interface Step {
  /** Runs the step on the workspace's values. */
  void run(Workspace ws);
}
