/**
 * Saving and loading models and training checkpoints in chainrule's documented file format
 * (docs/model-format.md): a JSON header with the architecture and parameter shapes (and, in a
 * checkpoint, the optimizer's state and the epoch count), raw little-endian float64 blocks and a
 * CRC-32, written atomically (temporary file, then rename).
 *
 * <p>Entry points: {@link dev.chainrule.nn.io.ModelFile#save}, {@link
 * dev.chainrule.nn.io.ModelFile#load} (rebuilds a {@link dev.chainrule.nn.model.Sequential}) and
 * {@link dev.chainrule.nn.io.ModelFile#loadInto} (into a model built in code); {@link
 * dev.chainrule.nn.io.Checkpoint#save} and {@link dev.chainrule.nn.io.Checkpoint#loadInto} (a
 * trainer's parameters, optimizer state and epoch count, to resume training exactly); problems
 * raise a {@link dev.chainrule.nn.io.ModelFileException}. {@link
 * dev.chainrule.nn.io.AtomicFiles} is the temporary-file-then-rename writer, also used for other
 * outputs such as charts, which also removes the temporary files of writers killed mid-write.
 */
package dev.chainrule.nn.io;
