package dev.chainrule.core.export.graphviz;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.nio.charset.StandardCharsets;

/**
 * One instance of Graphviz's WebAssembly module with its host, used by one thread at a time. It
 * renders the way {@code @viz-js/viz} does: parse the DOT text, lay it out with the {@code dot}
 * engine, write the requested format, free everything. The module's code was compiled to JVM
 * classes at build time by Chicory's Maven plugin ({@code GraphvizModule}, generated into this
 * package from {@code core/src/main/wasm/graphviz.wasm}); only its declarations are parsed here.
 */
final class WasmSession {
  private static final WasmModule MODULE = GraphvizModule.load();

  private final EmscriptenHost host;
  private final Instance instance;

  /** Instantiates the module with a heap of at most {@code maxBytes}. */
  WasmSession(long maxBytes) {
    host = new EmscriptenHost(maxBytes);
    int pages = (int) Math.max(1, Math.min(maxBytes / 65536, 65536));
    instance = Instance.builder(MODULE)
        .withImportValues(ImportValues.builder().withFunctions(host.functions(MODULE)).build())
        .withMemoryLimits(new MemoryLimits(Math.min(initialPages(), pages), pages))
        .withMemoryFactory(ByteArrayMemory::new)
        .withMachineFactory(GraphvizModule::create)
        .build();
    call("wasm_call_ctors");
  }

  private static int initialPages() {
    return MODULE.memorySection().orElseThrow().getMemory(0).limits().initialPages();
  }

  /** Returns the host, whose messages and memory refusals describe the last call. */
  EmscriptenHost host() {
    return host;
  }

  /**
   * Renders {@code dot} in {@code format} ({@code svg}, {@code json}, …) and returns the text.
   *
   * @throws GraphvizException REJECTED when Graphviz reports an error (its message included),
   *     MEMORY_LIMIT when it runs out of the heap it was given
   */
  String render(String dot, String format) {
    host.clear();
    int source = string(dot);
    int graph = (int) call("viz_read_one_graph", source);
    call("free", source);
    if (graph == 0) {
      throw failure("could not read the DOT text");
    }
    int context = 0;
    int engine = 0;
    int output = 0;
    int text = 0;
    try {
      call("viz_set_y_invert", 0);
      call("viz_set_reduce", 0);
      context = (int) call("viz_create_context");
      call("viz_reset_errors");
      engine = string("dot");
      if (call("viz_layout", context, graph, engine) != 0) {
        throw failure("could not lay out the graph");
      }
      output = string(format);
      text = (int) call("viz_render", context, graph, output);
      if (text == 0) {
        throw failure("could not write " + format);
      }
      return instance.memory().readCString(text, StandardCharsets.UTF_8);
    } finally {
      if (context != 0) {
        call("viz_free_layout", context, graph);
        call("viz_free_context", context);
      }
      call("viz_free_graph", graph);
      for (int p : new int[] {engine, output, text}) {
        call("free", p);
      }
    }
  }

  private GraphvizException failure(String what) {
    String said = host.messages();
    if (host.refusedMemory()) {
      return new GraphvizException(GraphvizException.Reason.MEMORY_LIMIT, "Graphviz " + what
          + ": it needed more than its memory limit");
    }
    return new GraphvizException(GraphvizException.Reason.REJECTED, "Graphviz " + what
        + (said.isEmpty() ? "" : ": " + GraphvizException.mainLine(said)));
  }

  private int string(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    int at = (int) call("malloc", bytes.length + 1);
    if (at == 0) {
      throw new GraphvizException(GraphvizException.Reason.MEMORY_LIMIT,
          "no room for the DOT text (" + bytes.length + " bytes)");
    }
    Memory m = instance.memory();
    m.write(at, bytes);
    m.writeByte(at + bytes.length, (byte) 0);
    return at;
  }

  private long call(String function, long... args) {
    ExportFunction f = instance.export(GraphvizAbi.export(function));
    long[] r = f.apply(args);
    return r == null || r.length == 0 ? 0 : r[0];
  }
}
