package dev.chainrule.nn.io;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.model.Architecture;
import dev.chainrule.nn.model.Model;
import java.nio.file.Path;
import java.util.List;

/** Checks that saved parameters fit a model one to one, naming the first difference. */
final class ParameterMatch {
  private ParameterMatch() {}

  static void check(Model model, ModelFile.Contents c, Path file) throws ModelFileException {
    Architecture saved = c.architecture();
    Architecture mine = model.architecture().orElse(null);
    if (saved != null && mine != null && !saved.equals(mine)) {
      throw new ModelFileException(file, "the file holds a " + describe(saved)
          + " model but the model to load into is " + describe(mine));
    }
    DType savedType = c.parameters().isEmpty() ? model.dtype()
        : c.parameters().get(0).value().dtype();
    if (savedType != model.dtype()) {
      throw new ModelFileException(file, "the file holds " + savedType + " values but the model "
          + "computes in " + model.dtype() + "; load it with ModelFile.loadIntoConverting(model, "
          + "file) to " + (model.dtype() == DType.FLOAT32 ? "round the values to float32"
          : "widen the values to float64") + ", or build the model in " + savedType);
    }
    match(model.parameters(), c.parameters(), "parameter", file);
    match(model.buffers(), c.buffers(), "state tensor", file);
  }

  private static void match(List<Parameter> want, List<Parameter> have, String kind, Path file)
      throws ModelFileException {
    for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
      if (i >= have.size()) {
        throw new ModelFileException(file, "the model has " + kind + " " + want.get(i).name()
            + " " + want.get(i).value().shape() + " but the file holds only " + have.size()
            + " " + kind + "s");
      }
      if (i >= want.size()) {
        throw new ModelFileException(file, "the file holds " + kind + " " + have.get(i).name()
            + " beyond the model's " + want.size() + " " + kind + "s");
      }
      Parameter w = want.get(i);
      Parameter h = have.get(i);
      if (!w.name().equals(h.name())) {
        throw new ModelFileException(file, kind + " " + (i + 1) + " is " + h.name()
            + " in the file but " + w.name() + " in the model");
      }
      if (!w.value().shape().equals(h.value().shape())) {
        throw new ModelFileException(file, kind + " " + w.name() + " has shape "
            + h.value().shape() + " in the file but " + w.value().shape() + " in the model");
      }
    }
  }

  private static String describe(Architecture a) {
    StringBuilder sb = new StringBuilder(a.widths()).append(" (").append(a.layout().id());
    for (Architecture.LayerSpec l : a.layers()) {
      sb.append(", ").append(l.activation().id());
    }
    return sb.append(")").toString();
  }
}
