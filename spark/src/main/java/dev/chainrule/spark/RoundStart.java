package dev.chainrule.spark;

import java.io.Serializable;

/**
 * What every replica starts a round of local steps from, broadcast by the driver: the averaged
 * parameters and the averaged optimizer state.
 *
 * @param parameters the parameter values
 * @param state the optimizer's state
 */
record RoundStart(ParameterValues parameters, StateArrays state) implements Serializable {
  /** Returns the size of the parameter and buffer values in bytes. */
  long bytes() {
    return parameters.bytes() + state.bytes();
  }
}
