package dev.chainrule.core.export.graphviz;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.ImportSection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The few operating-system functions Emscripten's C library asks of its host, written for Graphviz
 * rendering from memory: no files (every open fails), no environment, standard output and error
 * collected as text, and a heap that grows only up to a limit. Graphviz's own error reports
 * ({@code agerr}) arrive through {@code viz_errorf} and are collected too. A call that ends the
 * C program ({@code exit}, {@code abort}, a failed assertion, a C++ exception) throws {@link
 * Stopped}: the instance is unusable afterwards.
 */
final class EmscriptenHost {
  private static final int PAGE = 65536;
  private static final long[] OK = {0};
  private static final int ENOENT = 44;
  private static final int EBADF = 8;
  private static final int ENOTTY = 59;
  private static final int ESPIPE = 70;

  private final int maxPages;
  private final StringBuilder messages = new StringBuilder();
  private boolean refusedMemory;

  /** Thrown when the C program stops: exit, abort, a failed assertion, an uncaught exception. */
  static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped(String message) {
      super(message, null, false, false);
    }
  }

  /** Creates a host whose heap grows to at most {@code maxBytes}. */
  EmscriptenHost(long maxBytes) {
    this.maxPages = (int) Math.max(1, Math.min(maxBytes / PAGE, 65536));
  }

  /** Returns the functions {@code module} imports, bound to this host. */
  List<ImportFunction> functions(WasmModule module) {
    List<ImportFunction> functions = new ArrayList<>();
    ImportSection imports = module.importSection();
    for (int i = 0; i < imports.importCount(); i++) {
      FunctionImport f = (FunctionImport) imports.getImport(i);
      String name = GraphvizAbi.importedFunction(f.name());
      functions.add(new HostFunction(f.module(), f.name(),
          module.typeSection().getType(f.typeIndex()), handler(name)));
    }
    return functions;
  }

  /** Returns what Graphviz reported (errors, warnings) since the last {@link #clear}. */
  String messages() {
    return messages.toString().strip();
  }

  /** Returns true when the heap was refused room since the last {@link #clear}. */
  boolean refusedMemory() {
    return refusedMemory;
  }

  /** Forgets the messages and the refused memory. */
  void clear() {
    messages.setLength(0);
    refusedMemory = false;
  }

  private WasmFunctionHandle handler(String name) {
    switch (name) {
      case "fd_write":
        return (instance, a) -> write(instance.memory(), (int) a[1], (int) a[2], (int) a[3]);
      case "viz_errorf":
        return (instance, a) -> {
          messages.append(instance.memory().readCString((int) a[0], StandardCharsets.UTF_8));
          return OK;
        };
      case "emscripten_resize_heap":
        return (instance, a) -> new long[] {grow(instance.memory(), a[0] & 0xFFFFFFFFL) ? 1 : 0};
      case "exit":
        return (instance, a) -> {
          throw new Stopped("Graphviz stopped (exit status " + a[0] + ")");
        };
      case "abort_js":
      case "assert_fail":
      case "cxa_throw":
        return (instance, a) -> {
          throw new Stopped("Graphviz stopped (" + name + ")");
        };
      case "syscall_openat":
      case "syscall_newfstatat":
      case "syscall_faccessat":
        return (instance, a) -> new long[] {-ENOENT};
      case "syscall_fstat64":
      case "mmap_js":
        return (instance, a) -> new long[] {-EBADF};
      case "syscall_ioctl":
        return (instance, a) -> new long[] {-ENOTTY};
      case "fd_read":
        return (instance, a) -> new long[] {EBADF};
      case "fd_seek":
        return (instance, a) -> new long[] {ESPIPE};
      case "environ_sizes_get":
        return (instance, a) -> {
          instance.memory().writeI32((int) a[0], 0);
          instance.memory().writeI32((int) a[1], 0);
          return OK;
        };
      case "emscripten_date_now":
        return (instance, a) -> new long[] {Double.doubleToRawLongBits(System.currentTimeMillis())};
      case "clock_time_get":
        return (instance, a) -> {
          instance.memory().writeLong((int) a[2], System.nanoTime());
          return OK;
        };
      case "random_get":
        return (instance, a) -> {
          instance.memory().fill((byte) 4, (int) a[0], (int) (a[0] + a[1]));
          return OK;
        };
      case "localtime_js":
        return (instance, a) -> {
          instance.memory().fill((byte) 0, (int) a[1], (int) a[1] + 44);
          return null;
        };
      case "tzset_js":
        return (instance, a) -> {
          Memory m = instance.memory();
          m.writeI32((int) a[0], 0);
          m.writeI32((int) a[1], 0);
          m.writeCString((int) a[2], "UTC");
          m.writeCString((int) a[3], "UTC");
          return null;
        };
      default:
        return (instance, a) -> OK;
    }
  }

  private long[] write(Memory memory, int iov, int count, int written) {
    int total = 0;
    for (int i = 0; i < count; i++) {
      int at = memory.readInt(iov + 8 * i);
      int length = memory.readInt(iov + 8 * i + 4);
      messages.append(new String(memory.readBytes(at, length), StandardCharsets.UTF_8));
      total += length;
    }
    memory.writeI32(written, total);
    return OK;
  }

  /**
   * Grows the heap to at least {@code requested} bytes, by a fifth more when the limit allows, as
   * Emscripten's own allocator does; refuses beyond the limit (malloc then fails in Graphviz).
   */
  private boolean grow(Memory memory, long requested) {
    int needed = (int) ((requested + PAGE - 1) / PAGE) - memory.pages();
    if (needed <= 0) {
      return true;
    }
    if (memory.pages() + needed > maxPages) {
      refusedMemory = true;
      return false;
    }
    int generous = Math.min(Math.max(needed, memory.pages() / 5), maxPages - memory.pages());
    try {
      return memory.grow(generous) >= 0 || memory.grow(needed) >= 0;
    } catch (OutOfMemoryError e) {
      refusedMemory = true;
      return false;
    }
  }
}
