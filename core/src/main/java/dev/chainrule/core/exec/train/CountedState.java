package dev.chainrule.core.exec.train;

/**
 * What every optimizer state shares: the step count, and the snapshot and restore that copy the
 * state's live view ({@link #live()}) out and back in. A rule supplies its step and its view.
 */
public abstract class CountedState implements OptimizerState {
  /** Steps applied so far; a rule's step increments it. */
  protected long steps;

  @Override
  public long steps() {
    return steps;
  }

  @Override
  public OptimizerSnapshot snapshot() {
    return SnapshotRestore.copy(live());
  }

  @Override
  public void restoreInPlace(OptimizerSnapshot saved) {
    SnapshotRestore.copyInPlace(live(), saved);
    steps = saved.steps();
    restoreScalars(saved);
  }

  /** Returns the state as a snapshot that shares this state's buffers (see SnapshotRestore). */
  protected abstract OptimizerSnapshot live();

  /** Takes the rule's own scalars from a checked snapshot; none by default. */
  protected void restoreScalars(OptimizerSnapshot saved) {}
}
