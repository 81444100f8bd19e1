package dev.chainrule.core.graph.ops;

import com.google.common.reflect.ClassPath;
import dev.chainrule.core.graph.Op;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

/** The operation classes of core's ops package, found on the class path by Guava's scanner. */
final class OpClasses {
  private OpClasses() {}

  /** Returns the names of every concrete {@link Op} class in the ops package, sorted. */
  static Set<String> all() {
    String pkg = Op.class.getPackageName() + ".ops";
    Set<String> ops = new TreeSet<>();
    try {
      for (ClassPath.ClassInfo info : ClassPath.from(Op.class.getClassLoader()).getAllClasses()) {
        if (!info.getPackageName().equals(pkg)) {
          continue;
        }
        Class<?> c = info.load();
        if (Op.class.isAssignableFrom(c) && !c.isInterface()
            && !Modifier.isAbstract(c.getModifiers())) {
          ops.add(c.getName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ops;
  }
}
